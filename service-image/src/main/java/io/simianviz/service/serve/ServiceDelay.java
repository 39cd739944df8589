package io.simianviz.service.serve;

import io.simianviz.model.ServiceTime;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a service-time sample into a Vert.x timer delay. Timers have millisecond resolution, so a
 * sample is rounded up or down at random in proportion to its fraction: 0.3 ms becomes 1 ms three
 * times in ten and no delay otherwise, which keeps the mean of the distribution without blocking.
 */
final class ServiceDelay {
  private ServiceDelay() {}

  static long millis(ServiceTime serviceTime) {
    if (serviceTime instanceof ServiceTime.Constant c && c.nanos() == 0) {
      return 0;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long nanos = serviceTime.sampleNanos(random);
    long whole = nanos / 1_000_000;
    double fraction = (nanos % 1_000_000) / 1_000_000.0;
    return whole + (random.nextDouble() < fraction ? 1 : 0);
  }
}
