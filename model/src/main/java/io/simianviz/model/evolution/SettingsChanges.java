package io.simianviz.model.evolution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which settings changed between two versions, compared as their JSON: a field the plan does not
 * handle itself is rolled (a tier's) or reconfigured (the architecture's, and a tier's policies),
 * so a setting added to the spec classes is picked up without a change here.
 */
final class SettingsChanges {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Tier fields that the plan handles itself, or that move no instance. */
  private static final Set<String> NOT_ROLLED =
      Set.of(
          "name",
          "package",
          "count",
          "regions",
          "dependencies",
          "version",
          "rollout",
          "canary",
          "autoscale");

  /** Tier fields whose change is applied without moving an instance. */
  private static final List<String> POLICIES = List.of("rollout", "canary", "autoscale");

  /** Top-level fields that the instance sets already account for. */
  private static final Set<String> EXPANDED =
      Set.of(
          "description", "version", "services", "regionCount", "regionNames", "zoneNames", "scale");

  private SettingsChanges() {}

  /** Tier settings other than the version whose change rolls the tier, in field order. */
  static List<String> rolled(TierSpec f, TierSpec t) {
    JsonNode before = JSON.valueToTree(f);
    JsonNode after = JSON.valueToTree(t);
    Set<String> fields = new LinkedHashSet<>();
    before.fieldNames().forEachRemaining(fields::add);
    after.fieldNames().forEachRemaining(fields::add);
    return fields.stream()
        .filter(n -> !NOT_ROLLED.contains(n))
        .filter(n -> !Objects.equals(before.get(n), after.get(n)))
        .sorted()
        .toList();
  }

  /**
   * Top-level settings and tiers' policies that changed, as paths into the spec.
   *
   * @param fromTiers the deployed tiers of {@code from}, by name
   * @param toTiers the deployed tiers of {@code to}, by name, in spec order
   */
  static List<String> reconfigured(
      ArchitectureSpec from,
      ArchitectureSpec to,
      Map<String, TierSpec> fromTiers,
      Map<String, TierSpec> toTiers) {
    JsonNode before = JSON.valueToTree(from);
    JsonNode after = JSON.valueToTree(to);
    Set<String> fields = new LinkedHashSet<>();
    before.fieldNames().forEachRemaining(fields::add);
    after.fieldNames().forEachRemaining(fields::add);
    List<String> changed = new ArrayList<>();
    for (String n : fields) {
      if (!EXPANDED.contains(n) && !Objects.equals(before.get(n), after.get(n))) {
        changed.add(n);
      }
    }
    for (TierSpec t : toTiers.values()) {
      TierSpec f = fromTiers.get(t.getName());
      if (f == null) {
        continue;
      }
      JsonNode b = JSON.valueToTree(f);
      JsonNode a = JSON.valueToTree(t);
      for (String p : POLICIES) {
        if (!Objects.equals(b.get(p), a.get(p))) {
          changed.add(t.getName() + "." + p);
        }
      }
    }
    return changed;
  }
}
