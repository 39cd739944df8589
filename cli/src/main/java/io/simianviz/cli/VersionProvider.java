package io.simianviz.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's manifest. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = Simianviz.class.getPackage().getImplementationVersion();
    return new String[] {"simianviz " + (version == null ? "(development build)" : version)};
  }
}
