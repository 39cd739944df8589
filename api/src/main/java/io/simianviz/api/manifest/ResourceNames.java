package io.simianviz.api.manifest;

import io.simianviz.model.DnsNames;
import io.simianviz.model.topology.Instance;
import java.util.regex.Pattern;

/**
 * Names and label values of every object of one architecture. Every name is a DNS label of at most
 * 63 characters and the same input always gives the same name: the parts joined with dashes, or,
 * when that is longer, the architecture-and-tier part cut short and followed by 8 hex digits of its
 * SHA-256, then the suffix (region, zone, kind) unchanged, so a long name still says where it
 * belongs and every object of one tier shares one prefix.
 *
 * <ul>
 *   <li>Deployment: {@code <arch>-<tier>-<region>-<zone>}
 *   <li>discovery (headless) Service: {@code <arch>-<tier>-<zone>} for a tier in one region, {@code
 *       <arch>-<tier>-<region>-<zone>} for a tier spanning several regions
 *   <li>tier Service (ClusterIP, also the Service of an elb tier): {@code <arch>-<tier>}
 *   <li>ServiceAccount: {@code <arch>-nanoservice}
 *   <li>NetworkPolicies: {@code <arch>-deny-all} and {@code <arch>-<tier>-allow}
 * </ul>
 *
 * where tier is the kebab form of the tier name (cassSubscriber: cass-subscriber), region {@code *}
 * is {@code global} and zone {@code *} is {@code any} (zoneA: zone-a).
 */
public final class ResourceNames {
  public static final String GLOBAL_REGION = "global";
  public static final String ANY_ZONE = "any";

  private static final int MAX = DnsNames.MAX_LABEL;
  private static final Pattern LABEL_VALUE =
      Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

  private final String arch;

  public ResourceNames(String architectureName) {
    this.arch = DnsNames.sanitize(architectureName, MAX);
  }

  /** The architecture part of every name. */
  public String arch() {
    return arch;
  }

  /** The kebab form of a tier name, as used in names and in the tier labels. */
  public static String tier(String tierName) {
    return DnsNames.kebab(tierName);
  }

  /** The name part for a region: {@code global} for {@code *}. */
  public static String region(String region) {
    return Instance.ANY.equals(region) ? GLOBAL_REGION : DnsNames.kebab(region);
  }

  /** The name part for a zone: {@code any} for {@code *}. */
  public static String zone(String zone) {
    return Instance.ANY.equals(zone) ? ANY_ZONE : DnsNames.kebab(zone);
  }

  /**
   * A label value for a region or zone: {@code global}/{@code any} for {@code *}, the name itself
   * when it is a valid label value (zoneA stays zoneA), else its kebab form.
   */
  public static String regionLabel(String region) {
    return Instance.ANY.equals(region) ? GLOBAL_REGION : labelValue(region);
  }

  /** See {@link #regionLabel}. */
  public static String zoneLabel(String zone) {
    return Instance.ANY.equals(zone) ? ANY_ZONE : labelValue(zone);
  }

  /** The value itself when Kubernetes accepts it as a label value, else a shortened kebab form. */
  public static String labelValue(String value) {
    if (value.length() <= MAX && LABEL_VALUE.matcher(value).matches()) {
      return value;
    }
    return DnsNames.shorten(DnsNames.kebab(value), MAX);
  }

  public String deployment(String tierName, String region, String zone) {
    return fit(join(arch, tier(tierName)), join(region(region), zone(zone)));
  }

  /**
   * The headless Service of a tier's pods in one zone.
   *
   * @param multiRegion whether the tier spans several regions; only then is the region part of the
   *     name, so a one-region tier's names are what the nanoservice's DNS discovery looks up
   */
  public String discoveryService(String tierName, String region, String zone, boolean multiRegion) {
    String where = multiRegion ? join(region(region), zone(zone)) : zone(zone);
    return fit(join(arch, tier(tierName)), where);
  }

  public String tierService(String tierName) {
    return DnsNames.join(MAX, arch, tier(tierName));
  }

  public String serviceAccount() {
    return fit(arch, "nanoservice");
  }

  public String denyAllPolicy() {
    return fit(arch, "deny-all");
  }

  public String tierPolicy(String tierName) {
    return fit(join(arch, tier(tierName)), "allow");
  }

  /**
   * {@code head-tail} when it fits; else the head cut short, 8 hex digits of the SHA-256 of the
   * full name, and the tail. A tail too long to keep falls back to cutting the full name.
   */
  static String fit(String head, String tail) {
    String full = join(head, tail);
    if (full.length() <= MAX || tail.length() > MAX / 2) {
      return DnsNames.shorten(full, MAX);
    }
    return join(DnsNames.shorten(head, MAX - tail.length() - 1), tail);
  }

  private static String join(String... parts) {
    return String.join("-", parts);
  }
}
