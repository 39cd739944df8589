package io.simianviz.api.manifest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The labels on every rendered object and pod, and the selectors built from them. Tier labels carry
 * the kebab form of the tier name; region and zone labels carry {@code global}/{@code any} for
 * {@code *}.
 */
public final class ManifestLabels {
  public static final String NAME = "app.kubernetes.io/name";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

  /** On a tier's pods when it has a version: a new version changes the template, so it rolls. */
  public static final String VERSION = "app.kubernetes.io/version";

  public static final String MANAGED_BY_VALUE = "simianviz";
  public static final String ARCHITECTURE = "simianviz.io/architecture";
  public static final String TIER = "simianviz.io/tier";
  public static final String PACKAGE = "simianviz.io/package";
  public static final String REGION = "simianviz.io/region";
  public static final String ZONE = "simianviz.io/zone";

  /**
   * Label a chaos experiment's {@code isolate} outage puts on the pods it cuts off (its value names
   * the experiment); the segmentation allow policies select no pod that carries it, neither as a
   * target nor as a peer, so such a pod is left to the deny-all policy.
   */
  public static final String ISOLATED = "simianviz.io/isolated";

  /**
   * Label ({@code "true"}) of a canary Deployment and its pods: they carry the tier's labels too,
   * so the tier's Services and NetworkPolicies include them, and this one keeps them apart.
   */
  public static final String CANARY = "simianviz.io/canary";

  /** Annotation with the tier's name as written in the spec (cassSubscriber). */
  public static final String TIER_NAME_ANNOTATION = "simianviz.io/tier-name";

  /**
   * Prefix of the label that puts a pod behind an elb tier whose Service selects pods of several
   * tiers ({@code elb.simianviz.io/<elb-tier>: "true"}).
   */
  public static final String ELB_MEMBER_PREFIX = "elb.simianviz.io/";

  private final String arch;

  /**
   * @param architecture the Architecture's metadata.name
   */
  public ManifestLabels(String architecture) {
    this.arch = ResourceNames.labelValue(architecture);
  }

  /** Labels of objects that belong to the architecture as a whole. */
  public Map<String, String> architecture() {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(PART_OF, arch);
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    labels.put(ARCHITECTURE, arch);
    return labels;
  }

  /** Labels of objects that belong to one tier (Services, NetworkPolicies). */
  public Map<String, String> tier(String tierName, String packageName) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(NAME, ResourceNames.tier(tierName));
    labels.putAll(architecture());
    labels.put(TIER, ResourceNames.tier(tierName));
    labels.put(PACKAGE, ResourceNames.labelValue(packageName));
    return labels;
  }

  /** Labels of a Deployment and its pods: the tier's plus region and zone. */
  public Map<String, String> zone(String tierName, String packageName, String region, String zone) {
    Map<String, String> labels = tier(tierName, packageName);
    labels.put(REGION, ResourceNames.regionLabel(region));
    labels.put(ZONE, ResourceNames.zoneLabel(zone));
    return labels;
  }

  /** Every pod of the architecture. */
  public Map<String, String> architectureSelector() {
    return Map.of(ARCHITECTURE, arch);
  }

  /** Every pod of a tier. */
  public Map<String, String> tierSelector(String tierName) {
    Map<String, String> selector = new LinkedHashMap<>();
    selector.put(ARCHITECTURE, arch);
    selector.put(TIER, ResourceNames.tier(tierName));
    return selector;
  }

  /** The pods of a tier in one zone, of one region or (region null) of every region. */
  public Map<String, String> zoneSelector(String tierName, String region, String zone) {
    Map<String, String> selector = tierSelector(tierName);
    if (region != null) {
      selector.put(REGION, ResourceNames.regionLabel(region));
    }
    selector.put(ZONE, ResourceNames.zoneLabel(zone));
    return selector;
  }

  /** The label key marking the pods behind an elb tier that fronts several tiers. */
  public static String elbMember(String elbTierName) {
    return ELB_MEMBER_PREFIX + ResourceNames.tier(elbTierName);
  }
}
