package io.simianviz.local.run;

import io.simianviz.service.serve.Nanoservice;
import io.simianviz.service.stats.LatencyHistogram;
import io.simianviz.service.stats.Series;
import io.simianviz.service.stats.StatsRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/** What a tier or some instances have served so far: what autoscaling and canaries judge by. */
final class ServedFigures {
  private ServedFigures() {}

  /** Every request the tier served, cumulative, all ops added up; null when it served none. */
  static Histogram ofTier(StatsRegistry stats, String tier) {
    Histogram sum = null;
    for (var s : stats.snapshot()) {
      if (s.kind() == Series.Kind.SERVICE && s.tier().equals(tier)) {
        Histogram h = stats.series(Series.Kind.SERVICE, tier, s.detail()).histogram();
        if (sum == null) {
          sum = h;
        } else {
          sum.add(h);
        }
      }
    }
    return sum;
  }

  /** What these instances (null: not running) have served, added up. */
  static LatencyHistogram.Snapshot ofInstances(List<Nanoservice> instances) {
    List<LatencyHistogram.Snapshot> all = new ArrayList<>();
    instances.stream().filter(Objects::nonNull).forEach(s -> all.add(s.metrics().served()));
    return LatencyHistogram.Snapshot.sum(all);
  }
}
