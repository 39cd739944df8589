package io.simianviz.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version Maven wrote into the jar's manifest, and the Java runtime it runs on (the local
 * runtime's figures depend on it).
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Simianviz.class.getPackage().getImplementationVersion();
    return new String[] {
      "simianviz " + (version == null ? "(development build, not from a jar)" : version),
      "Java "
          + Runtime.version()
          + " ("
          + System.getProperty("java.vendor", "unknown vendor")
          + ", "
          + System.getProperty("java.home", "")
          + ")"
    };
  }
}
