package io.simianviz.local;

import io.simianviz.model.Defaults;
import io.simianviz.model.spec.ArchitectureSpec;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How a local run goes.
 *
 * @param duration how long traffic runs; zero means until interrupted
 * @param rate requests per second per traffic source (0: none); null keeps the spec's
 * @param sampleRate fraction of traces recorded; null keeps the spec's
 * @param out where the outputs go: the directory itself or, with {@code runDirectories}, the
 *     directory holding one directory per run and a {@code latest} link
 * @param port the port every instance listens on, each on its own loopback address (0: any)
 * @param warmup traffic before the measured duration, left out of every figure (JIT warm-up)
 * @param progressEvery how often the console shows progress
 * @param replaceAfter how long after a chaos kill its replacement starts
 * @param force replace the outputs of an earlier run in {@code out}; without it a directory that
 *     holds files is refused
 * @param runDirectories each run in a new directory in {@code out}, named by its start time
 * @param warmupUpTo how long the warm-up may go on past {@code warmup} while requests still fail (a
 *     cold JVM on busy cores); equal to {@code warmup} for a warm-up of fixed length
 */
public record RunOptions(
    Duration duration,
    Integer scale,
    Integer regions,
    Double rate,
    Double sampleRate,
    Path out,
    long seed,
    int port,
    Duration warmup,
    Duration progressEvery,
    Duration replaceAfter,
    boolean force,
    boolean runDirectories,
    Duration warmupUpTo) {

  /** A warm-up of fixed length. */
  public RunOptions(
      Duration duration,
      Integer scale,
      Integer regions,
      Double rate,
      Double sampleRate,
      Path out,
      long seed,
      int port,
      Duration warmup,
      Duration progressEvery,
      Duration replaceAfter,
      boolean force,
      boolean runDirectories) {
    this(
        duration,
        scale,
        regions,
        rate,
        sampleRate,
        out,
        seed,
        port,
        warmup,
        progressEvery,
        replaceAfter,
        force,
        runDirectories,
        warmup);
  }

  /** Requests per second of each traffic source: {@code --rate}, else the spec's. */
  double trafficRate(ArchitectureSpec spec) {
    return rate != null ? rate : Defaults.trafficRate(spec);
  }

  /** Whether the traffic sources send: traffic is on, at a rate above 0. */
  boolean sendsTraffic(ArchitectureSpec spec) {
    return Defaults.trafficEnabled(spec) && trafficRate(spec) > 0;
  }
}
