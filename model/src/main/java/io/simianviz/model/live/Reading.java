package io.simianviz.model.live;

import org.HdrHistogram.Histogram;

/**
 * A series' cumulative figures read at one moment: what a {@link LiveArchitecture} turns into
 * figures over the last seconds by the difference of two readings.
 *
 * @param atMs when it was read, on the live model's clock
 * @param count requests so far, failed or not
 * @param errors failed requests so far
 * @param histogram latencies so far, in microseconds (null: none recorded); not changed afterwards
 */
public record Reading(long atMs, long count, long errors, Histogram histogram) {}
