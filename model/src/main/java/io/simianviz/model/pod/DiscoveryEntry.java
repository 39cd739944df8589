package io.simianviz.model.pod;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * Where a pod finds one group of a dependency's instances, as written in {@link
 * PodVariables#DISCOVERY}: {@code tier/region/zone=service}, entries separated by commas. The
 * Service's DNS A records are that group's ready pods (a headless Service per tier and zone), or a
 * virtual address in region and zone {@code *} for an elb. The operator names the Services, so the
 * pod never derives names itself: hashing of long names and multi-region naming stay in one place.
 */
public record DiscoveryEntry(String tier, String region, String zone, String service) {

  public String format() {
    return tier + "/" + region + "/" + zone + "=" + service;
  }

  public static String formatAll(List<DiscoveryEntry> entries) {
    StringJoiner out = new StringJoiner(",");
    entries.forEach(e -> out.add(e.format()));
    return out.toString();
  }

  /**
   * Parses the comma-separated list that {@link #formatAll} writes.
   *
   * @throws IllegalArgumentException naming {@link PodVariables#DISCOVERY} and the bad entry
   */
  public static List<DiscoveryEntry> parseAll(String value) {
    List<DiscoveryEntry> out = new ArrayList<>();
    for (String entry : EntryLists.split(value)) {
      int eq = entry.indexOf('=');
      String[] where = eq < 0 ? new String[0] : entry.substring(0, eq).split("/", -1);
      if (where.length != 3
          || eq == entry.length() - 1
          || where[0].isEmpty()
          || where[1].isEmpty()
          || where[2].isEmpty()) {
        throw new IllegalArgumentException(
            PodVariables.DISCOVERY
                + " entry '"
                + entry
                + "': expected tier/region/zone=service, e.g. store/us-east-1/zoneA=arch-store-zone-a");
      }
      out.add(new DiscoveryEntry(where[0], where[1], where[2], entry.substring(eq + 1)));
    }
    return List.copyOf(out);
  }
}
