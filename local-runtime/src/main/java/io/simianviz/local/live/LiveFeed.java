package io.simianviz.local.live;

import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.live.Reading;
import io.simianviz.service.stats.Series;
import io.simianviz.service.stats.SeriesStats;
import io.simianviz.service.stats.StatsRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * Reads a run's statistics into its live model: each tier-to-tier edge series as an edge reading,
 * and each tier's series merged over its ops as a tier reading (service time for a tier that
 * serves, end-to-end time for a traffic source), as the run's tier table counts them. Only series
 * that exist are read, so reading creates none.
 */
public final class LiveFeed {
  private final StatsRegistry stats;
  private final LiveArchitecture live;
  private final LongSupplier clock;

  /**
   * @param clock the live model's clock (milliseconds)
   */
  public LiveFeed(StatsRegistry stats, LiveArchitecture live, LongSupplier clock) {
    this.stats = stats;
    this.live = live;
    this.clock = clock;
  }

  /** One reading of every series into the model. */
  public synchronized void read() {
    long now = clock.getAsLong();
    Map<String, long[]> tierCounts = new HashMap<>();
    Map<String, Histogram> tierHistograms = new HashMap<>();
    for (SeriesStats s : stats.snapshot()) {
      Series series = stats.series(s.kind(), s.tier(), s.detail());
      Histogram h = series.histogram();
      long count = series.count();
      long errors = series.errors();
      if (s.kind() == Series.Kind.EDGE) {
        live.edgeReading(s.tier(), s.detail(), new Reading(now, count, errors, h));
      } else {
        long[] c = tierCounts.computeIfAbsent(s.tier(), t -> new long[2]);
        c[0] += count;
        c[1] += errors;
        tierHistograms.merge(
            s.tier(),
            h,
            (a, b) -> {
              a.add(b);
              return a;
            });
      }
    }
    tierCounts.forEach(
        (tier, c) ->
            live.tierReading(tier, new Reading(now, c[0], c[1], tierHistograms.get(tier))));
  }
}
