package io.simianviz.local.run;

import java.net.BindException;

/** An instance that could not start, with where it was to listen; says what to do about it. */
public final class StartFailure extends Exception {
  private static final long serialVersionUID = 1L;

  private final String instance;
  private final String host;
  private final int port;

  public StartFailure(String instance, String host, int port, Throwable cause) {
    super(instance + " could not listen on " + host + ":" + port, cause);
    this.instance = instance;
    this.host = host;
    this.port = port;
  }

  /** One line for the user: the address, why, and what to do. */
  public String userMessage() {
    Throwable cause = getCause();
    String why = cause == null || cause.getMessage() == null ? "" : cause.getMessage();
    String address = host + ":" + port;
    if (cause instanceof BindException || why.contains("Address already in use")) {
      return address
          + " is already in use ("
          + instance
          + " could not listen there), perhaps by another run or by a server on all addresses;"
          + " choose another port with --port P, or --port 0 for free ports";
    }
    if (why.contains("Permission denied")) {
      return instance
          + " may not listen on "
          + address
          + " (permission denied: ports below 1024 need privileges); choose another port with"
          + " --port P, or --port 0 for free ports";
    }
    return instance + " could not listen on " + address + ": " + plain(why);
  }

  /** Netty's native transport says e.g. {@code bind(..) failed with error(-99): Cannot ...}. */
  private static String plain(String why) {
    int colon = why.indexOf("): ");
    String rest = why.startsWith("bind(") && colon > 0 ? why.substring(colon + 3) : why;
    return rest.isEmpty() ? "unknown error" : rest;
  }
}
