package io.simianviz.operator.traffic;

import java.io.IOException;

/** Reads a traffic source's figures from its admin port. */
public interface TrafficStatsClient {
  /**
   * Reads one traffic source pod's figures.
   *
   * @param host the pod's IP address
   * @param port the pod's admin port
   * @throws IOException when the pod cannot be reached or answers with something else than stats
   *     carrying a {@code traffic} object
   */
  TrafficReading read(String host, int port) throws IOException;
}
