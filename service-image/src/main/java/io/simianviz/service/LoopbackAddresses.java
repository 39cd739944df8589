package io.simianviz.service;

/**
 * Gives every instance of the local runtime its own loopback address, like spigo's instance IPs:
 * Linux answers on all of 127.0.0.0/8 without configuration, so thousands of servers can share one
 * port number. 127.0.0.1 is left to the host's own services.
 */
public final class LoopbackAddresses {
  private static final int PER_OCTET = 254;

  private LoopbackAddresses() {}

  /** The address of the instance with this ordinal: 127.0.0.2, 127.0.0.3, ... 127.0.1.1, ... */
  public static String forOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal >= PER_OCTET * PER_OCTET * PER_OCTET - 1) {
      throw new IllegalArgumentException("no loopback address for ordinal " + ordinal);
    }
    int n = ordinal + 1;
    int c = n % PER_OCTET + 1;
    int b = (n / PER_OCTET) % PER_OCTET;
    int a = n / (PER_OCTET * PER_OCTET);
    return "127." + a + "." + b + "." + c;
  }
}
