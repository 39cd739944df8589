package io.simianviz.operator.ui;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.v1alpha1.ChaosSummary;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.live.LiveEvent;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The events of an Architecture's live view, from what the operator observes: pods going away,
 * becoming ready (in place of a gone one of the same group: a replacement), isolated, and the chaos
 * summary's kills as they show in the status. The last {@link LiveArchitecture#EVENTS_KEPT} are
 * kept.
 */
final class ViewEvents {
  private final Deque<LiveEvent> events = new ArrayDeque<>();
  private long nextSeq = 1;
  private Map<String, PodSeen> seen;

  /** Pods gone or stopped by group, oldest first: the next ready pod of the group replaces one. */
  private final Map<String, Deque<String>> gone = new HashMap<>();

  private Long chaosKills;

  private record PodSeen(String group, InstanceState state) {}

  /** The events kept, oldest first. */
  List<LiveEvent> list() {
    return List.copyOf(events);
  }

  /** Compares the pods now with those seen last time; the first call only notes how many. */
  void observePods(String architecture, List<Pod> pods, long at) {
    Map<String, PodSeen> now = new HashMap<>();
    for (Pod pod : pods) {
      now.put(pod.getMetadata().getName(), new PodSeen(PodState.group(pod), PodState.of(pod)));
    }
    if (seen == null) {
      seen = now;
      event(at, EventKind.NOTE, "watching " + architecture + ": " + now.size() + " pods");
      return;
    }
    for (var e : seen.entrySet()) {
      String pod = e.getKey();
      PodSeen before = e.getValue();
      PodSeen after = now.get(pod);
      if (after == null) {
        event(at, EventKind.NOTE, pod + " gone", pod);
        if (before.state() != InstanceState.DRAINING) {
          gone.computeIfAbsent(before.group(), g -> new ArrayDeque<>()).add(pod);
        }
      } else if (after.state() == InstanceState.ISOLATED
          && before.state() != InstanceState.ISOLATED) {
        event(at, EventKind.NOTE, pod + " isolated", pod);
      } else if (after.state() != before.state()
          && (after.state() == InstanceState.DRAINING || after.state() == InstanceState.KILLED)) {
        event(at, EventKind.NOTE, pod + " " + stateWord(after.state()), pod);
        if (before.state() != InstanceState.DRAINING && before.state() != InstanceState.KILLED) {
          gone.computeIfAbsent(after.group(), g -> new ArrayDeque<>()).add(pod);
        }
      }
    }
    for (var e : now.entrySet()) {
      PodSeen before = seen.get(e.getKey());
      PodSeen after = e.getValue();
      if (after.state() == InstanceState.READY
          && (before == null || before.state() != InstanceState.READY)) {
        Deque<String> replaced = gone.get(after.group());
        String old = replaced == null ? null : replaced.poll();
        if (old != null) {
          event(
              at, EventKind.REPLACEMENT, e.getKey() + " ready in place of " + old, e.getKey(), old);
        } else {
          event(at, EventKind.NOTE, e.getKey() + " ready", e.getKey());
        }
      }
    }
    seen = now;
  }

  private static String stateWord(InstanceState state) {
    return state == InstanceState.DRAINING ? "terminating" : "stopped";
  }

  /** A kill, when the status counts more kills than last time. */
  void observeChaos(ChaosSummary chaos, long at) {
    Long kills = chaos == null ? null : chaos.getKills();
    if (kills != null && chaosKills != null && kills > chaosKills) {
      String victim = chaos.getLastVictim();
      event(
          at,
          EventKind.KILL,
          "chaos deleted " + (victim == null ? "a pod" : victim) + " (" + kills + " kills)",
          victim == null ? new String[0] : new String[] {victim});
    }
    if (kills != null) {
      chaosKills = kills;
    }
  }

  private void event(long at, EventKind kind, String text, String... instances) {
    events.addLast(new LiveEvent(nextSeq++, at, kind, text, List.of(instances)));
    while (events.size() > LiveArchitecture.EVENTS_KEPT) {
      events.removeFirst();
    }
  }
}
