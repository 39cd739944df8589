package io.simianviz.operator.evolution;

import io.simianviz.api.v1alpha1.evolution.SourceCounters;
import io.simianviz.api.v1alpha1.evolution.TransitionRecord;
import io.simianviz.model.chaos.TrafficCounters;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.operator.traffic.SourceReading;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * A transition's traffic figures from the traffic sources' settled counters (the exact counts chaos
 * verdicts use): each source pod's counters at the start and at the latest poll are kept in the
 * status, and the figures are the sum of their differences. A source pod that appears during the
 * transition counts from zero; one that goes keeps its last polled counters, so only what it sent
 * after its last poll is missing; one whose counters went backwards (its container restarted)
 * counts from zero again.
 */
final class TransitionTraffic {
  private TransitionTraffic() {}

  /** The counters at the start of a transition: each source's current reading. */
  static List<SourceCounters> start(Collection<SourceReading> readings) {
    return update(List.of(), readings, true);
  }

  /** The counters with the latest readings as each source's last (a new source gets no start). */
  static List<SourceCounters> update(
      List<SourceCounters> sources, Collection<SourceReading> readings) {
    return update(sources, readings, false);
  }

  private static List<SourceCounters> update(
      List<SourceCounters> sources, Collection<SourceReading> readings, boolean starting) {
    Map<String, SourceCounters> byPod = new LinkedHashMap<>();
    for (SourceCounters s : sources) {
      byPod.put(s.getPod(), copy(s.getPod(), s.getStart(), s.getLast()));
    }
    for (SourceReading r : readings) {
      if (r.reading().settled() == null) {
        continue;
      }
      TrafficCounters now = TrafficCounters.of(r.reading().settled());
      SourceCounters s = byPod.computeIfAbsent(r.pod(), pod -> copy(pod, null, null));
      if (starting) {
        s.setStart(now);
      }
      s.setLast(now);
    }
    List<SourceCounters> out = new ArrayList<>(byPod.values());
    out.sort(Comparator.comparing(SourceCounters::getPod));
    return out;
  }

  /** The figures of the requests sent from the start to the last readings, into {@code record}. */
  static void figures(List<SourceCounters> sources, TransitionRecord record) {
    long sent = 0;
    long answered = 0;
    long errors = 0;
    long lost = 0;
    Histogram latency = TrafficReading.newHistogram();
    for (SourceCounters s : sources) {
      if (s.getLast() == null) {
        continue;
      }
      TrafficReading last = s.getLast().toReading();
      TrafficReading start =
          s.getStart() == null ? TrafficReading.empty(0) : s.getStart().toReading();
      if (last.sent() < start.sent()
          || last.answered() < start.answered()
          || last.errors() < start.errors()
          || last.lost() < start.lost()) {
        start = TrafficReading.empty(0);
      }
      sent += last.sent() - start.sent();
      answered += last.answered() - start.answered();
      errors += last.errors() - start.errors();
      lost += last.lost() - start.lost();
      Histogram window = last.latencyMicros();
      window.subtract(start.latencyMicros());
      latency.add(window);
    }
    record.setRequests(sent);
    record.setAnswered(answered);
    record.setErrors(errors);
    record.setLost(lost);
    record.setSuccessRate(sent == 0 ? 100.0 : Math.round(10000.0 * answered / sent) / 100.0);
    record.setP99Ms(
        latency.getTotalCount() == 0
            ? null
            : Math.round(latency.getValueAtPercentile(99) / 10.0) / 100.0);
  }

  private static SourceCounters copy(String pod, TrafficCounters start, TrafficCounters last) {
    SourceCounters s = new SourceCounters();
    s.setPod(pod);
    s.setStart(start);
    s.setLast(last);
    return s;
  }
}
