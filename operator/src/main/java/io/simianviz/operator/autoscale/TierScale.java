package io.simianviz.operator.autoscale;

import java.time.Instant;

/**
 * The autoscaler's decision for one tier: what the autoscale poller keeps for the reconcile ({@code
 * context.getSecondaryResources(TierScale.class)}). It changes only when a decision does, so a
 * steady tier triggers no reconcile.
 *
 * @param current instances per region to run
 * @param recommended the last measure's recommendation (below current while a scale-down waits)
 * @param lastChange when current last changed; null while it is where the tier started
 * @param reason the measure and target of that change; null with it
 */
public record TierScale(
    String tier, int current, int recommended, Instant lastChange, String reason) {}
