package io.simianviz.local;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How a local run goes.
 *
 * @param duration how long traffic runs; zero means until interrupted
 * @param rate requests per second per traffic source; null keeps the spec's
 * @param sampleRate fraction of traces recorded; null keeps the spec's
 * @param port the port every instance listens on, each on its own loopback address (0: any)
 * @param warmup traffic before the measured duration, left out of every figure (JIT warm-up)
 * @param progressEvery how often the console shows progress
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
    Duration replaceAfter) {}
