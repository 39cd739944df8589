package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.operator.ArchitectureEvents;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Every chaos action, recorded where people look: a Kubernetes Event on each object named (the
 * Architecture, and the ChaosExperiment when there is one), a count on the operator's /q/metrics
 * ({@code simianviz_chaos_actions_total{kind,action}}) and a log line.
 */
@ApplicationScoped
public class ChaosActions {
  /** The actions counted; their names are the metric's {@code action} label. */
  public enum Action {
    /** A pod deleted. */
    KILL,
    /** An outage started: Deployments scaled to 0, or an isolating NetworkPolicy created. */
    OUTAGE,
    /** An outage undone. */
    RESTORE,
    /** Nothing hit: a guard, or a target the architecture lacks. */
    REFUSE,
    /** A dry run said what it would hit. */
    DRY_RUN,
    /** An experiment's verdict. */
    VERDICT;

    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  static final String METRIC = "simianviz.chaos.actions";

  private static final Logger LOG = Logger.getLogger(ChaosActions.class);

  private final ArchitectureEvents events;
  private final MeterRegistry registry;

  public ChaosActions(ArchitectureEvents events, MeterRegistry registry) {
    this.events = events;
    this.registry = registry;
  }

  /**
   * Records one action.
   *
   * @param warning whether the event is a Warning (a refusal, a failed verdict)
   * @param reason the event's reason, e.g. ChaosMonkeyKill
   * @param on the objects the event is recorded on
   */
  public void record(
      ChaosKind kind,
      Action action,
      boolean warning,
      String reason,
      String message,
      HasMetadata... on) {
    registry.counter(METRIC, "kind", kind.value(), "action", action.label()).increment();
    String type = warning ? ArchitectureEvents.WARNING : ArchitectureEvents.NORMAL;
    for (HasMetadata object : on) {
      events.record(object, type, reason, message);
    }
    LOG.infof("chaos %s %s in %s: %s", kind.value(), action.label(), namespace(on), message);
  }

  private static String namespace(HasMetadata... on) {
    return on.length == 0 ? "?" : on[0].getMetadata().getNamespace();
  }
}
