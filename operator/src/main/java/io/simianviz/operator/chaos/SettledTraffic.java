package io.simianviz.operator.chaos;

import io.simianviz.model.chaos.TrafficReading;

/**
 * The settled counters of an experiment's architecture, summed over its traffic sources: what the
 * experiment poller keeps for the reconcile.
 *
 * @param experiment the experiment's UID
 */
public record SettledTraffic(String experiment, TrafficReading reading) {}
