package io.simianviz.model.topology;

/**
 * Command-line overrides of the spec's scale and region count (spigo's -p and -w); null keeps the
 * spec's value.
 */
public record ExpansionOptions(Integer scale, Integer regionCount) {
  public static final ExpansionOptions NONE = new ExpansionOptions(null, null);
}
