package io.simianviz.api.io;

import io.simianviz.api.v1alpha1.Architecture;

/** An architecture read from a file, and which form the file was in. */
public record LoadedArchitecture(Architecture architecture, Format format) {
  /** The two file forms every command accepts. */
  public enum Format {
    /** The custom resource, YAML or JSON. */
    ARCHITECTURE,
    /** spigo's architecture JSON. */
    SPIGO
  }

  public String name() {
    return architecture.getMetadata().getName();
  }
}
