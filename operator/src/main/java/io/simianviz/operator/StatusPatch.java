package io.simianviz.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import java.util.Optional;

/**
 * The patch that writes a new status, none when the Architecture has that status already, so a
 * steady architecture is reconciled without writes. The events of the change are recorded with it.
 */
@ApplicationScoped
public class StatusPatch {
  private final StatusEvents statusEvents;

  public StatusPatch(StatusEvents statusEvents) {
    this.statusEvents = statusEvents;
  }

  Optional<Architecture> of(
      Architecture architecture, ArchitectureStatus status, KubernetesSerialization serialization) {
    ArchitectureStatus previous = architecture.getStatus();
    JsonNode before =
        previous == null ? null : serialization.convertValue(previous, JsonNode.class);
    if (Objects.equals(before, serialization.convertValue(status, JsonNode.class))) {
      return Optional.empty();
    }
    statusEvents.announce(architecture, previous, status);
    // Only name, namespace and status: with server-side apply the operator then owns the status
    // fields and nothing of the spec.
    Architecture patch = new Architecture();
    patch.setMetadata(
        new ObjectMetaBuilder()
            .withName(architecture.getMetadata().getName())
            .withNamespace(architecture.getMetadata().getNamespace())
            .build());
    patch.setSpec(null);
    patch.setStatus(status);
    return Optional.of(patch);
  }
}
