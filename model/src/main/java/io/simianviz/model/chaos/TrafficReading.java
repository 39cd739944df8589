package io.simianviz.model.chaos;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.zip.DataFormatException;
import org.HdrHistogram.Histogram;

/**
 * What the traffic sources have settled so far: every request sent before {@code throughMillis}
 * (epoch milliseconds) has exactly one outcome, answered, error or lost (still unanswered past its
 * deadline), so {@code sent = answered + errors + lost} always holds. Readings are cumulative; the
 * figures of a window are the difference of the readings at its two ends ({@link #since}).
 *
 * @param latencyMicros end-to-end latency of the answered and errored requests, in microseconds
 */
public record TrafficReading(
    long throughMillis, long sent, long answered, long errors, long lost, Histogram latencyMicros) {
  /** Highest latency a histogram holds: one hour, in microseconds. */
  public static final long HIGHEST_MICROS = 3_600_000_000L;

  public TrafficReading {
    if (sent != answered + errors + lost || answered < 0 || errors < 0 || lost < 0) {
      throw new IllegalArgumentException(
          String.format(
              "sent %d is not answered %d + errors %d + lost %d", sent, answered, errors, lost));
    }
    latencyMicros = latencyMicros.copy();
  }

  /** No request settled yet. */
  public static TrafficReading empty(long throughMillis) {
    return new TrafficReading(throughMillis, 0, 0, 0, 0, newHistogram());
  }

  public static Histogram newHistogram() {
    return new Histogram(1, HIGHEST_MICROS, 2);
  }

  @Override
  public Histogram latencyMicros() {
    return latencyMicros.copy();
  }

  /**
   * Sum of two sources' readings. It is settled only as far as the slower of the two, so the sum is
   * exact for windows ending before the earlier {@code throughMillis}.
   */
  public TrafficReading plus(TrafficReading other) {
    Histogram sum = latencyMicros.copy();
    sum.add(other.latencyMicros);
    return new TrafficReading(
        Math.min(throughMillis, other.throughMillis),
        sent + other.sent,
        answered + other.answered,
        errors + other.errors,
        lost + other.lost,
        sum);
  }

  /**
   * The figures of the window from {@code earlier} to this reading.
   *
   * @throws IllegalArgumentException when a counter went backwards (a traffic source restarted)
   */
  public WindowFigures since(TrafficReading earlier) {
    if (sent < earlier.sent
        || answered < earlier.answered
        || errors < earlier.errors
        || lost < earlier.lost) {
      throw new IllegalArgumentException(
          "the traffic counters went backwards: a traffic source restarted during the window");
    }
    Histogram window = latencyMicros.copy();
    window.subtract(earlier.latencyMicros);
    return WindowFigures.of(
        earlier.throughMillis,
        throughMillis,
        sent - earlier.sent,
        answered - earlier.answered,
        errors - earlier.errors,
        lost - earlier.lost,
        window);
  }

  /** The latency histogram as compressed base64, for JSON (HdrHistogram's own encoding). */
  public String encodedLatency() {
    ByteBuffer buffer = ByteBuffer.allocate(latencyMicros.getNeededByteBufferCapacity());
    int length = latencyMicros.encodeIntoCompressedByteBuffer(buffer);
    return Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length));
  }

  /**
   * Decodes {@link #encodedLatency}.
   *
   * @throws IllegalArgumentException when the text is not such an encoding
   */
  public static Histogram decodeLatency(String base64) {
    try {
      return Histogram.decodeFromCompressedByteBuffer(
          ByteBuffer.wrap(Base64.getDecoder().decode(base64)), 1);
    } catch (DataFormatException | RuntimeException e) {
      throw new IllegalArgumentException("not an encoded latency histogram: " + e.getMessage(), e);
    }
  }
}
