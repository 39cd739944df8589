package io.simianviz.operator.ui;

import io.fabric8.kubernetes.api.model.Pod;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.model.live.Figures;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.model.live.Reading;
import io.simianviz.operator.traffic.SourceReading;
import io.simianviz.operator.traffic.TrafficReading;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The traffic of an Architecture's live view: each tier's and each tier to tier edge's counts
 * summed over the pods' own /stats series ({@link PodStats}), recorded when they change, so the
 * rates are over the last read interval; p50 and p99 are the highest pod's, since the pod started
 * (what /stats reports). A traffic source tier whose series were not read falls back on the traffic
 * poller's readings.
 */
final class ViewTraffic {
  private static final int READINGS_KEPT = 3;

  /** Readings by series: {@code t:<tier>} or {@code e:<from>\0<to>}. */
  private final Map<String, Deque<Reading>> seriesReadings = new HashMap<>();

  /** p50 and p99 by series, as last read (since the pod started). */
  private final Map<String, double[]> seriesLatency = new HashMap<>();

  /**
   * Takes in the pods' series and the poller's readings.
   *
   * @param tierOfLabel the spec's tier names by their label value
   * @param interval how often the poller reads
   */
  void observe(
      List<Pod> pods,
      Map<String, String> tierOfLabel,
      Collection<SourceReading> readings,
      Function<String, List<PodStats.PodSeries>> podSeries,
      Duration interval,
      long at) {
    Map<String, String> tierOfPod = new HashMap<>();
    for (Pod pod : pods) {
      Map<String, String> labels = pod.getMetadata().getLabels();
      String tier = labels == null ? null : tierOfLabel.get(labels.get(ManifestLabels.TIER));
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

  /** Gives the live model every series' kept readings. */
  void feed(LiveArchitecture live) {
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
  }

  /** The tiers with the series' percentiles as read (the readings carry no histograms). */
  List<LiveSnapshot.Tier> tiers(LiveSnapshot s) {
    List<LiveSnapshot.Tier> tiers = new ArrayList<>();
    for (LiveSnapshot.Tier t : s.tiers()) {
      tiers.add(
          new LiveSnapshot.Tier(
              t.name(), t.pkg(), t.ready(), t.total(), latency("t:" + t.name(), t.served())));
    }
    return tiers;
  }

  /** The edges with the series' percentiles as read. */
  List<LiveSnapshot.TierEdge> edges(LiveSnapshot s) {
    List<LiveSnapshot.TierEdge> edges = new ArrayList<>();
    for (LiveSnapshot.TierEdge e : s.edges()) {
      edges.add(
          new LiveSnapshot.TierEdge(
              e.from(), e.to(), latency("e:" + e.from() + "\u0000" + e.to(), e.figures())));
    }
    return edges;
  }

  private Figures latency(String key, Figures f) {
    double[] l = seriesLatency.get(key);
    return l == null ? f : new Figures(f.rps(), f.errorRate(), l[0], l[1]);
  }
}
