package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.simianviz.api.v1alpha1.Architecture;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Kubernetes Events about an Architecture ({@code kubectl describe arch} shows them). The
 * reconciler records one only when a condition changes, so a steady architecture writes none.
 */
@ApplicationScoped
public class ArchitectureEvents {
  public static final String NORMAL = "Normal";
  public static final String WARNING = "Warning";
  static final String COMPONENT = "simianviz-operator";

  private static final Logger LOG = Logger.getLogger(ArchitectureEvents.class);

  private final KubernetesClient client;
  private final Clock clock;

  public ArchitectureEvents(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  /** Records an event; a failure is logged and otherwise ignored (events are best effort). */
  public void record(Architecture architecture, String type, String reason, String message) {
    String namespace = architecture.getMetadata().getNamespace();
    String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
    Event event =
        new EventBuilder()
            .withNewMetadata()
            .withName(architecture.getMetadata().getName() + "." + uniqueSuffix())
            .withNamespace(namespace)
            .endMetadata()
            .withInvolvedObject(
                new ObjectReferenceBuilder()
                    .withApiVersion(architecture.getApiVersion())
                    .withKind(architecture.getKind())
                    .withName(architecture.getMetadata().getName())
                    .withNamespace(namespace)
                    .withUid(architecture.getMetadata().getUid())
                    .withResourceVersion(architecture.getMetadata().getResourceVersion())
                    .build())
            .withType(type)
            .withReason(reason)
            .withMessage(message)
            .withCount(1)
            .withFirstTimestamp(now)
            .withLastTimestamp(now)
            .withNewSource()
            .withComponent(COMPONENT)
            .endSource()
            .withReportingComponent(COMPONENT)
            .build();
    try {
      client.v1().events().inNamespace(namespace).resource(event).create();
    } catch (KubernetesClientException e) {
      LOG.warnf("event %s %s for %s not recorded: %s", type, reason, namespace, e.getMessage());
    }
  }

  /** kubectl's form: the object's name, a dot and a unique hex suffix. */
  private static String uniqueSuffix() {
    return HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
  }
}
