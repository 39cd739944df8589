package io.simianviz.model.topology;

import io.simianviz.model.spec.ArchitectureSpec;

/**
 * Command-line overrides of the spec's scale and region count (spigo's -p and -w); null keeps the
 * spec's value.
 */
public record ExpansionOptions(Integer scale, Integer regionCount) {
  public static final ExpansionOptions NONE = new ExpansionOptions(null, null);

  /**
   * Writes the overrides into a spec, so that validation judges (and warns about) the architecture
   * that will really be expanded, as if the spec had said so.
   */
  public void applyTo(ArchitectureSpec spec) {
    if (scale != null) {
      spec.setScale(scale);
    }
    if (regionCount != null) {
      spec.setRegionCount(regionCount);
    }
  }
}
