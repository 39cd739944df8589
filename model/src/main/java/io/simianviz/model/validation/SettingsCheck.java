package io.simianviz.model.validation;

import io.simianviz.model.TierPackage;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.TrafficMix;

/** Numeric settings and distributions: ranges the schema also states, for files not yet applied. */
final class SettingsCheck {
  private final ArchitectureValidator validator;

  SettingsCheck(ArchitectureValidator validator) {
    this.validator = validator;
  }

  void run(ArchitectureSpec spec) {
    if (spec.getTraffic() != null) {
      Double rate = spec.getTraffic().getRate();
      if (rate != null && rate < 0) {
        validator.error("traffic.rate", "must not be negative (was " + Numbers.plain(rate) + ")");
      }
      TrafficMix mix = spec.getTraffic().getMix();
      if (mix != null) {
        int get = mix.getGet() == null ? 0 : mix.getGet();
        int put = mix.getPut() == null ? 0 : mix.getPut();
        if (get < 0 || put < 0 || get + put == 0) {
          validator.error(
              "traffic.mix", "weights must not be negative and must add up to more than 0");
        }
      }
    }
    if (spec.getTracing() != null) {
      fraction("tracing.sampleRate", spec.getTracing().getSampleRate());
    }
    if (spec.getChaos() != null && spec.getChaos().getGuards() != null) {
      fraction("chaos.guards.maxFraction", spec.getChaos().getGuards().getMaxFraction());
      Integer minHealthy = spec.getChaos().getGuards().getMinHealthy();
      if (minHealthy != null && minHealthy < 0) {
        validator.error("chaos.guards.minHealthy", "must not be negative (was " + minHealthy + ")");
      }
    }
  }

  void tier(String at, TierSpec tier, TierPackage pkg) {
    fraction(at + ".errorRate", tier.getErrorRate());
    fraction(at + ".hitRate", tier.getHitRate());
    if (tier.getResponseBytes() != null && tier.getResponseBytes() < 0) {
      validator.error(
          at + ".responseBytes", "must not be negative (was " + tier.getResponseBytes() + ")");
    }
    if (tier.getServiceTime() != null && !tier.getServiceTime().isEmpty()) {
      validator.serviceTime(at + ".serviceTime", tier.getServiceTime());
    }
    if (tier.getHitRate() != null && pkg != null && pkg.role() != TierPackage.Role.KEY_VALUE) {
      validator.warn(at + ".hitRate", "only cache, store and volume tiers use hitRate; ignored");
    }
  }

  private void fraction(String path, Double value) {
    if (value != null && (value < 0 || value > 1 || value.isNaN())) {
      validator.error(path, "must be between 0 and 1 (was " + Numbers.plain(value) + ")");
    }
  }
}
