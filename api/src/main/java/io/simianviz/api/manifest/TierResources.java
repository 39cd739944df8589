package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.Quantity;
import io.simianviz.model.spec.ComputeResources;
import io.simianviz.model.spec.TierSpec;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * A tier's container requests and limits: its own values per resource, the defaults for the rest. A
 * default request is lowered to the tier's limit when that is smaller, so requests never exceed
 * limits.
 */
final class TierResources {
  private TierResources() {}

  static Map<String, Quantity> limits(TierSpec tier, Map<String, Quantity> defaults) {
    Map<String, Quantity> out = new TreeMap<>(defaults);
    ComputeResources own = tier.getResources();
    if (own != null) {
      out.putAll(quantities(own.getLimits()));
    }
    return out;
  }

  static Map<String, Quantity> requests(
      TierSpec tier, Map<String, Quantity> defaults, Map<String, Quantity> defaultLimits) {
    Map<String, Quantity> limits = limits(tier, defaultLimits);
    Map<String, Quantity> own =
        tier.getResources() == null ? Map.of() : quantities(tier.getResources().getRequests());
    Map<String, Quantity> out = new TreeMap<>();
    defaults.forEach(
        (resource, value) -> {
          Quantity limit = limits.get(resource);
          boolean above =
              limit != null
                  && amount(value).compareTo(amount(limit)) > 0
                  && !own.containsKey(resource);
          out.put(resource, above ? limit : value);
        });
    out.putAll(own);
    return out;
  }

  private static Map<String, Quantity> quantities(Map<String, String> values) {
    Map<String, Quantity> out = new TreeMap<>();
    values.forEach((resource, value) -> out.put(resource, new Quantity(value)));
    return out;
  }

  private static BigDecimal amount(Quantity q) {
    return q.getNumericalAmount();
  }
}
