package io.simianviz.model.pod;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * One dependency of a pod's tier as written in {@link PodVariables#DEPENDENCIES}: {@code
 * tier=package:protocol}, entries separated by commas. The protocol is the one the caller must
 * speak: the dependency's own, or for an elb the protocol of the tier behind it.
 */
public record DependencyEntry(String tier, TierPackage pkg, Protocol protocol) {

  public String format() {
    return tier + "=" + pkg.spigoName() + ":" + protocol.value();
  }

  public static String formatAll(List<DependencyEntry> entries) {
    StringJoiner out = new StringJoiner(",");
    entries.forEach(e -> out.add(e.format()));
    return out.toString();
  }

  /**
   * Parses the comma-separated list that {@link #formatAll} writes.
   *
   * @throws IllegalArgumentException naming {@link PodVariables#DEPENDENCIES} and the bad entry
   */
  public static List<DependencyEntry> parseAll(String value) {
    List<DependencyEntry> out = new ArrayList<>();
    for (String entry : EntryLists.split(value)) {
      out.add(parse(entry));
    }
    return List.copyOf(out);
  }

  private static DependencyEntry parse(String entry) {
    int eq = entry.indexOf('=');
    int colon = entry.lastIndexOf(':');
    if (eq <= 0 || colon < eq) {
      throw bad(entry, "expected tier=package:protocol, e.g. cassSubscriber=priamCassandra:http");
    }
    String pkg = entry.substring(eq + 1, colon);
    String protocol = entry.substring(colon + 1).toLowerCase(Locale.ROOT);
    return new DependencyEntry(
        entry.substring(0, eq),
        TierPackage.fromSpigoName(pkg)
            .orElseThrow(
                () ->
                    bad(
                        entry,
                        "unknown package '" + pkg + "', one of " + TierPackage.knownNames())),
        protocol(entry, protocol));
  }

  private static Protocol protocol(String entry, String value) {
    try {
      return Protocol.fromValue(value);
    } catch (IllegalArgumentException e) {
      throw bad(entry, e.getMessage());
    }
  }

  private static IllegalArgumentException bad(String entry, String problem) {
    return new IllegalArgumentException(
        PodVariables.DEPENDENCIES + " entry '" + entry + "': " + problem);
  }
}
