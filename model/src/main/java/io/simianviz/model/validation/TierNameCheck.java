package io.simianviz.model.validation;

import io.simianviz.model.DnsNames;
import io.simianviz.model.spec.TierSpec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tier names: present, unique, and mapping to distinct DNS labels. */
final class TierNameCheck {
  private final ArchitectureValidator validator;

  TierNameCheck(ArchitectureValidator validator) {
    this.validator = validator;
  }

  /** Checks every tier name and fills {@code tiersByName} with the first tier of each name. */
  void run(List<TierSpec> tiers, Map<String, TierSpec> tiersByName) {
    Map<String, Integer> firstByName = new HashMap<>();
    Map<String, Integer> firstByLabel = new HashMap<>();
    for (int i = 0; i < tiers.size(); i++) {
      String name = tiers.get(i).getName();
      String path = "services[" + i + "].name";
      Optional<String> problem = DnsNames.problem(name);
      if (problem.isPresent()) {
        validator.error(path, problem.get());
        if (name != null) {
          tiersByName.putIfAbsent(name, tiers.get(i));
        }
        continue;
      }
      Integer first = firstByName.putIfAbsent(name, i);
      if (first != null) {
        validator.error(
            path,
            "duplicate tier name \"" + name + "\" (first defined at services[" + first + "])");
        continue;
      }
      tiersByName.put(name, tiers.get(i));
      String label = DnsNames.kebab(name);
      Integer clash = firstByLabel.putIfAbsent(label, i);
      if (clash != null) {
        validator.error(
            path,
            "\""
                + name
                + "\" maps to the object name \""
                + label
                + "\", as does services["
                + clash
                + "] \""
                + tiers.get(clash).getName()
                + "\"");
      }
    }
  }
}
