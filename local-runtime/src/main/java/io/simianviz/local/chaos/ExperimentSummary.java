package io.simianviz.local.chaos;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.simianviz.model.chaos.ExperimentStatus;

/**
 * An entry of summary.json's {@code experiments[]}: the experiment's name and file, then the fields
 * of its status as a cluster's ChaosExperiment shows them, without the machine's bookkeeping.
 */
@JsonPropertyOrder({"name", "file"})
public record ExperimentSummary(
    String name,
    String file,
    @JsonUnwrapped @JsonIgnoreProperties("progress") ExperimentStatus status) {
  static ExperimentSummary of(PlannedExperiment planned, ExperimentStatus status) {
    return new ExperimentSummary(planned.name(), planned.source(), status);
  }
}
