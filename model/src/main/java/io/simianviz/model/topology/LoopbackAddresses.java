package io.simianviz.model.topology;

/**
 * Each instance of the local runtime gets its own loopback address, like spigo's instance IPs:
 * ordinal 0 is 127.1.0.1; the last octet avoids 0 and 255 so every address reads as a host.
 */
public final class LoopbackAddresses {
  private static final int PER_THIRD_OCTET = 254;
  private static final int PER_SECOND_OCTET = PER_THIRD_OCTET * 256;

  /** Second octets 1..254 are used. */
  public static final int CAPACITY = PER_SECOND_OCTET * 254;

  private LoopbackAddresses() {}

  public static String forOrdinal(int ordinal) {
    if (ordinal < 0 || ordinal >= CAPACITY) {
      throw new IllegalArgumentException(
          "instance ordinal " + ordinal + " is outside 0.." + (CAPACITY - 1));
    }
    int second = 1 + ordinal / PER_SECOND_OCTET;
    int third = (ordinal % PER_SECOND_OCTET) / PER_THIRD_OCTET;
    int fourth = 1 + ordinal % PER_THIRD_OCTET;
    return "127." + second + "." + third + "." + fourth;
  }
}
