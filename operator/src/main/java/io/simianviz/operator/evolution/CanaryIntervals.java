package io.simianviz.operator.evolution;

import io.simianviz.api.v1alpha1.evolution.CanaryInterval;
import io.simianviz.model.chaos.WindowFigures;
import io.simianviz.model.evolution.CanaryAnalysis;
import io.simianviz.model.evolution.CanaryAnalysis.Judgement;
import io.simianviz.model.evolution.CanaryTiers.CanaryTier;
import io.simianviz.operator.canary.CanaryWindow;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * A judged canary's intervals ({@code status.transition.canary.intervals}): the canary poller's
 * windows added once each, every tier judged over its own with the model's {@link CanaryAnalysis},
 * and what the judgements say in the status and events.
 */
final class CanaryIntervals {
  private CanaryIntervals() {}

  /** The judged intervals with the windows not judged yet that closed after judging started. */
  static List<CanaryInterval> add(
      List<CanaryInterval> judged,
      Collection<CanaryWindow> windows,
      long startedMillis,
      List<CanaryTier> tiers) {
    List<CanaryInterval> out = new ArrayList<>(judged);
    for (CanaryTier tier : tiers) {
      long last =
          judged.stream()
              .filter(i -> tier.tier().equals(i.getTier()))
              .mapToLong(CanaryInterval::getToMillis)
              .max()
              .orElse(startedMillis);
      windows.stream()
          .filter(w -> w.tier().equals(tier.tier()))
          .filter(w -> w.figures().fromMillis() >= startedMillis && w.figures().toMillis() > last)
          .forEach(w -> out.add(interval(tier, w.figures())));
    }
    return out;
  }

  /** Each tier's judgement over its own intervals, in plan order. */
  static List<Judgement> judge(List<CanaryInterval> intervals, List<CanaryTier> tiers) {
    return tiers.stream()
        .map(
            tier ->
                CanaryAnalysis.judge(
                    tier.policy(),
                    intervals.stream()
                        .filter(i -> tier.tier().equals(i.getTier()))
                        .map(CanaryIntervals::figures)
                        .toList()))
        .toList();
  }

  /** Why a tier's canary was rolled back: its failed intervals with their figures. */
  static String rolledBack(CanaryTier tier, Judgement judgement) {
    return "canary of "
        + tier.tier()
        + " "
        + tier.fromVersion()
        + " -> "
        + tier.toVersion()
        + " failed "
        + judgement.failures().size()
        + " of "
        + judgement.intervals()
        + " interval(s), rolled back: "
        + String.join("; ", judgement.failures());
  }

  /** What a judged canary waits for: its intervals so far. */
  static String judging(List<CanaryTier> tiers, List<Judgement> judgements) {
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < tiers.size(); i++) {
      CanaryTier tier = tiers.get(i);
      parts.add(
          String.format(
              Locale.ROOT,
              "the canary of %s (%d of %d interval(s) judged, %d failed, every %ds)",
              tier.tier(),
              judgements.get(i).intervals(),
              tier.policy().iterations(),
              judgements.get(i).failures().size(),
              tier.policy().interval().toSeconds()));
    }
    return String.join(", ", parts);
  }

  private static CanaryInterval interval(CanaryTier tier, WindowFigures w) {
    CanaryInterval i = new CanaryInterval();
    i.setTier(tier.tier());
    i.setFromMillis(w.fromMillis());
    i.setToMillis(w.toMillis());
    i.setRequests(w.requests());
    i.setErrors(w.errors());
    i.setSuccessRate(w.successRate());
    i.setP99Ms(w.p99Ms());
    CanaryAnalysis.failure(tier.policy(), w).ifPresent(i::setFailure);
    return i;
  }

  private static WindowFigures figures(CanaryInterval i) {
    long requests = i.getRequests();
    long errors = i.getErrors();
    return new WindowFigures(
        i.getFromMillis(),
        i.getToMillis(),
        requests,
        requests - errors,
        errors,
        0,
        i.getSuccessRate(),
        0,
        i.getP99Ms());
  }
}
