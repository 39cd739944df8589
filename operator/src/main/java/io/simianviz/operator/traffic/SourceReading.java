package io.simianviz.operator.traffic;

/**
 * The last reading of one traffic source pod: what the traffic poller keeps for the reconcile.
 *
 * @param pod the pod's UID
 */
public record SourceReading(String pod, TrafficReading reading) {}
