package io.simianviz.model.topology;

import io.simianviz.model.TierPackage;

/**
 * One running copy of a tier: a pod on Kubernetes, one server in the local runtime.
 *
 * @param name spigo's readable form {@code <arch>.<region>.<zone>.<tier><NN>}
 * @param region a region name, or {@code *} for a global tier
 * @param zone a zone name, or {@code *} for a tier not tied to a zone
 * @param index position within the tier in its region (the NN of the name)
 * @param ordinal position within the whole topology, stable for a given spec and options
 */
public record Instance(
    String name, String tier, TierPackage pkg, String region, String zone, int index, int ordinal) {
  public static final String ANY = "*";

  public boolean isZonal() {
    return !ANY.equals(zone);
  }

  public boolean isGlobal() {
    return ANY.equals(region);
  }
}
