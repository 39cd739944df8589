package io.simianviz.operator.ui;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosSummary;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.Figures;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.live.LiveEvent;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.model.live.Reading;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.operator.traffic.SourceReading;
import io.simianviz.operator.traffic.TrafficReading;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The live view of one Architecture on the cluster, kept by {@link LiveViews}: what the operator
 * already knows of it (its spec, the pods its informer caches, the traffic sources' readings of the
 * traffic poller, the chaos summary of its status) turned into the live model the page draws.
 *
 * <p>The regions, zones and tiers are the spec's expanded topology. Each (tier, region, zone) of a
 * tier that runs pods is filled with that zone's pods (non-terminating first, oldest first); a slot
 * no pod fills yet is drawn starting under the topology's instance name, and pods beyond the
 * replicas (terminating ones, a rollout's surge) are drawn after them. Tiers without pods (elb,
 * eureka: Kubernetes Services stand for them) are drawn ready.
 *
 * <p>Traffic: each tier's and each tier to tier edge's counts summed over the pods' own /stats
 * series ({@link PodStats}), recorded when they change, so the rates are over the last read
 * interval; p50 and p99 are the highest pod's, since the pod started (what /stats reports). A
 * traffic source tier whose series were not read falls back on the traffic poller's readings.
 * Events: pods observed going away, becoming ready (in place of a gone one: a replacement), and the
 * chaos summary's kills as they show in the status.
 *
 * <p>Not thread-safe: {@link LiveViews} calls it under its lock.
 */
final class ArchitectureView {
  private static final int READINGS_KEPT = 3;

  /**
   * The label the chaos controller's isolate outages put on the pods they cut off (the api's
   * ManifestLabels.ISOLATED once that lands on this branch).
   */
  static final String ISOLATED_LABEL = "simianviz.io/isolated";

  private final String namespace;
  private final String name;
  private final long originMs;

  private Long layoutGeneration;
  private Layout layout;
  private String problem;
  private Architecture architecture;
  private List<Pod> pods = List.of();

  /** Readings by series: {@code t:<tier>} or {@code e:<from>\0<to>}. */
  private final Map<String, Deque<Reading>> seriesReadings = new HashMap<>();

  /** p50 and p99 by series, as last read (since the pod started). */
  private final Map<String, double[]> seriesLatency = new HashMap<>();

  private final Deque<LiveEvent> events = new ArrayDeque<>();
  private long nextSeq = 1;
  private Map<String, PodSeen> seen;
  private final Map<String, Deque<String>> gone = new HashMap<>();
  private Long chaosKills;

  /** The spec's topology and which of its tiers run pods. */
  private record Layout(Topology topology, Set<String> podTiers, Map<String, String> tierOfLabel) {}

  private record PodSeen(String group, InstanceState state) {}

  ArchitectureView(Architecture architecture, long nowMs) {
    this.namespace = architecture.getMetadata().getNamespace();
    this.name = architecture.getMetadata().getName();
    this.originMs = created(architecture).orElse(nowMs);
  }

  String namespace() {
    return namespace;
  }

  String name() {
    return name;
  }

  /** Why the spec cannot be drawn (null: it can). */
  String problem() {
    return problem;
  }

  /**
   * Takes in what the operator knows now.
   *
   * @param readings the traffic poller's last readings (pod UID, figures)
   * @param interval how often the poller reads
   */
  void observe(
      Architecture architecture,
      List<Pod> pods,
      Collection<SourceReading> readings,
      Function<String, List<PodStats.PodSeries>> podSeries,
      ManifestOptions options,
      Duration interval,
      long nowMs) {
    this.architecture = architecture;
    this.pods = List.copyOf(pods);
    relayout(architecture, options);
    if (layout == null) {
      return;
    }
    long at = nowMs - originMs;
    observePods(at);
    observeTraffic(readings, podSeries, interval, at);
    observeChaos(architecture.getStatus() == null ? null : architecture.getStatus().getChaos(), at);
  }

  private void relayout(Architecture architecture, ManifestOptions options) {
    Long generation = architecture.getMetadata().getGeneration();
    if (layout != null && Objects.equals(generation, layoutGeneration)) {
      return;
    }
    layoutGeneration = generation;
    try {
      Topology topology =
          TopologyExpander.expand(name, architecture.getSpec(), ExpansionOptions.NONE);
      Set<String> podTiers = new HashSet<>();
      for (var object : ArchitectureManifests.build(architecture, options)) {
        if (object instanceof Deployment d && d.getMetadata().getAnnotations() != null) {
          podTiers.add(d.getMetadata().getAnnotations().get(ManifestLabels.TIER_NAME_ANNOTATION));
        }
      }
      Map<String, String> tierOfLabel = new HashMap<>();
      topology.instances().forEach(i -> tierOfLabel.put(ResourceNames.tier(i.tier()), i.tier()));
      layout = new Layout(topology, podTiers, tierOfLabel);
      problem = null;
    } catch (RuntimeException e) {
      // Invalid: the operator leaves the running objects alone, the view keeps its last drawing.
      problem = e.getMessage() == null ? e.toString() : e.getMessage();
    }
  }

  private static String group(String tierLabel, String regionLabel, String zoneLabel) {
    return tierLabel + "/" + regionLabel + "/" + zoneLabel;
  }

  private static String group(Instance i) {
    return group(
        ResourceNames.tier(i.tier()),
        ResourceNames.regionLabel(i.region()),
        ResourceNames.zoneLabel(i.zone()));
  }

  private static String group(Pod pod) {
    Map<String, String> labels = pod.getMetadata().getLabels();
    return labels == null
        ? ""
        : group(
            labels.get(ManifestLabels.TIER),
            labels.get(ManifestLabels.REGION),
            labels.get(ManifestLabels.ZONE));
  }

  /** A pod's state as the page draws it. */
  static InstanceState state(Pod pod) {
    if (pod.getMetadata().getDeletionTimestamp() != null) {
      return InstanceState.DRAINING; // terminating
    }
    Map<String, String> labels = pod.getMetadata().getLabels();
    if (labels != null && labels.containsKey(ISOLATED_LABEL)) {
      return InstanceState.ISOLATED;
    }
    var status = pod.getStatus();
    if (status == null) {
      return InstanceState.STARTING;
    }
    if ("Failed".equals(status.getPhase()) || "Succeeded".equals(status.getPhase())) {
      return InstanceState.KILLED;
    }
    if (status.getContainerStatuses() != null
        && status.getContainerStatuses().stream()
            .anyMatch(c -> c.getState() != null && c.getState().getTerminated() != null)) {
      return InstanceState.KILLED;
    }
    boolean ready =
        status.getConditions() != null
            && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    return ready ? InstanceState.READY : InstanceState.STARTING;
  }

  private void observePods(long at) {
    Map<String, PodSeen> now = new HashMap<>();
    for (Pod pod : pods) {
      now.put(pod.getMetadata().getName(), new PodSeen(group(pod), state(pod)));
    }
    if (seen == null) {
      seen = now;
      event(at, EventKind.NOTE, "watching " + name + ": " + now.size() + " pods");
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

  private void observeTraffic(
      Collection<SourceReading> readings,
      Function<String, List<PodStats.PodSeries>> podSeries,
      Duration interval,
      long at) {
    Map<String, String> tierOfPod = new HashMap<>();
    for (Pod pod : pods) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      String tier =
          labels == null ? null : layout.tierOfLabel().get(labels.get(ManifestLabels.TIER));
      if (tier != null) {
        tierOfPod.put(pod.getMetadata().getUid(), tier);
      }
    }
    Map<String, long[]> sums = new LinkedHashMap<>();
    Map<String, double[]> latency = new HashMap<>();
    // every pod's own /stats: what each tier served and called
    for (Pod pod : pods) {
      for (PodStats.PodSeries x : podSeries.apply(pod.getMetadata().getUid())) {
        String key = x.edge() ? "e:" + x.tier() + "\u0000" + x.to() : "t:" + x.tier();
        add(sums, latency, key, x.count(), x.errors(), x.p50(), x.p99());
      }
    }
    // the traffic poller's figures, for a source tier whose pods' series were not read
    Map<String, long[]> sources = new LinkedHashMap<>();
    Map<String, double[]> sourceLatency = new HashMap<>();
    for (SourceReading r : readings) {
      String tier = tierOfPod.get(r.pod());
      if (tier != null && !sums.containsKey("t:" + tier)) {
        TrafficReading t = r.reading();
        add(sources, sourceLatency, "t:" + tier, t.requests(), t.errors(), t.p50(), t.p99());
      }
    }
    sums.putAll(sources);
    latency.putAll(sourceLatency);
    seriesLatency.clear();
    seriesLatency.putAll(latency);
    // A figure that has not moved for two poll intervals is a stopped source, not a slow poll.
    long stale = 2 * Math.max(interval.toMillis(), 5000) + 1000;
    sums.forEach(
        (key, c) -> {
          Deque<Reading> kept = seriesReadings.computeIfAbsent(key, k -> new ArrayDeque<>());
          Reading last = kept.peekLast();
          boolean changed = last == null || last.count() != c[0] || last.errors() != c[1];
          if (changed || at - last.atMs() >= stale) {
            kept.addLast(new Reading(at, c[0], c[1], null));
            while (kept.size() > READINGS_KEPT) {
              kept.removeFirst();
            }
          }
        });
    seriesReadings.keySet().retainAll(sums.keySet());
  }

  private static void add(
      Map<String, long[]> sums,
      Map<String, double[]> latency,
      String key,
      long count,
      long errors,
      double p50,
      double p99) {
    long[] c = sums.computeIfAbsent(key, k -> new long[2]);
    c[0] += count;
    c[1] += errors;
    double[] l = latency.computeIfAbsent(key, k -> new double[2]);
    l[0] = Math.max(l[0], p50);
    l[1] = Math.max(l[1], p99);
  }

  private void observeChaos(ChaosSummary chaos, long at) {
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

  /** The model now, or empty before the spec could ever be drawn. */
  Optional<LiveSnapshot> snapshot(long nowMs) {
    if (layout == null) {
      return Optional.empty();
    }
    long at = nowMs - originMs;
    Map<String, List<Pod>> podsByGroup = new HashMap<>();
    for (Pod pod : pods) {
      podsByGroup.computeIfAbsent(group(pod), g -> new ArrayList<>()).add(pod);
    }
    Map<String, List<Instance>> slots = new LinkedHashMap<>();
    for (Instance i : layout.topology().instances()) {
      slots.computeIfAbsent(group(i), g -> new ArrayList<>()).add(i);
    }
    List<Instance> instances = new ArrayList<>();
    Map<String, InstanceState> states = new HashMap<>();
    Comparator<Pod> order =
        Comparator.<Pod, Boolean>comparing(p -> p.getMetadata().getDeletionTimestamp() != null)
            .thenComparing(p -> Objects.toString(p.getMetadata().getCreationTimestamp(), ""))
            .thenComparing(p -> p.getMetadata().getName());
    slots.forEach(
        (group, wanted) -> {
          Instance first = wanted.get(0);
          if (!layout.podTiers().contains(first.tier())) {
            wanted.forEach(
                i -> {
                  instances.add(i);
                  states.put(i.name(), InstanceState.READY);
                });
            return;
          }
          List<Pod> found = new ArrayList<>(podsByGroup.getOrDefault(group, List.of()));
          found.sort(order);
          int n = Math.max(wanted.size(), found.size());
          for (int k = 0; k < n; k++) {
            Instance slot = k < wanted.size() ? wanted.get(k) : wanted.get(wanted.size() - 1);
            if (k < found.size()) {
              Pod pod = found.get(k);
              String podName = pod.getMetadata().getName();
              instances.add(
                  new Instance(
                      podName,
                      slot.tier(),
                      slot.pkg(),
                      slot.region(),
                      slot.zone(),
                      k,
                      slot.ordinal()));
              states.put(podName, state(pod));
            } else {
              instances.add(slot);
              states.put(slot.name(), InstanceState.STARTING);
            }
          }
        });
    Topology drawn = new Topology(name, instances, layout.topology().edges());
    LiveArchitecture live = LiveArchitecture.of(drawn, () -> at);
    states.forEach(live::instanceState);
    seriesReadings.forEach(
        (key, kept) -> {
          String rest = key.substring(2);
          if (key.startsWith("t:")) {
            kept.forEach(r -> live.tierReading(rest, r));
          } else {
            int cut = rest.indexOf('\u0000');
            kept.forEach(r -> live.edgeReading(rest.substring(0, cut), rest.substring(cut + 1), r));
          }
        });
    LiveSnapshot s = live.snapshot();
    List<LiveSnapshot.Tier> tiers = new ArrayList<>();
    for (LiveSnapshot.Tier t : s.tiers()) {
      tiers.add(
          new LiveSnapshot.Tier(
              t.name(), t.pkg(), t.ready(), t.total(), latency("t:" + t.name(), t.served())));
    }
    List<LiveSnapshot.TierEdge> edges = new ArrayList<>();
    for (LiveSnapshot.TierEdge e : s.edges()) {
      edges.add(
          new LiveSnapshot.TierEdge(
              e.from(), e.to(), latency("e:" + e.from() + "\u0000" + e.to(), e.figures())));
    }
    return Optional.of(
        new LiveSnapshot(
            s.arch(), s.atMs(), s.windowS(), s.regions(), tiers, edges, List.copyOf(events)));
  }

  /** The series' percentiles as read (the readings carry no histograms). */
  private Figures latency(String key, Figures f) {
    double[] l = seriesLatency.get(key);
    return l == null ? f : new Figures(f.rps(), f.errorRate(), l[0], l[1]);
  }

  /** The Architecture as last observed. */
  Architecture architecture() {
    return architecture;
  }

  private static Optional<Long> created(Architecture architecture) {
    String created = architecture.getMetadata().getCreationTimestamp();
    if (created == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(created).toEpochMilli());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
