package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ChaosExperiment;
import io.simianviz.api.v1alpha1.ChaosExperimentStatus;
import io.simianviz.api.validation.ChaosExperimentValidator;
import io.simianviz.model.chaos.TrafficReading;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.traffic.TrafficStatsClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The chaos controller: drives each ChaosExperiment through its windows and outage ({@link
 * ExperimentStep}), from its status alone, every second while it runs. A finalizer ({@link
 * Cleaner}) undoes an outage in effect when the experiment is deleted. {@link ExperimentRuns}
 * decides whether a run is due (the architecture exists, the schedule's time has come).
 */
@ControllerConfiguration(name = ChaosExperimentReconciler.NAME)
public class ChaosExperimentReconciler
    implements Reconciler<ChaosExperiment>, Cleaner<ChaosExperiment> {
  public static final String NAME = "chaosexperiment";

  private final OperatorConfig config;
  private final TrafficStatsClient statsClient;
  private final ChaosActions actions;
  private final Clock clock;

  /** Set once by {@link #prepareEventSources}, before the first reconcile. */
  private ExperimentPods pods;

  public ChaosExperimentReconciler(
      OperatorConfig config, TrafficStatsClient statsClient, ChaosActions actions, Clock clock) {
    this.config = config;
    this.statsClient = statsClient;
    this.actions = actions;
    this.clock = clock;
  }

  /** The referenced Architectures, the architectures' pods and the experiments' traffic poller. */
  @Override
  public List<EventSource<?, ChaosExperiment>> prepareEventSources(
      EventSourceContext<ChaosExperiment> context) {
    pods = new ExperimentPods(context);
    InformerEventSource<Architecture, ChaosExperiment> architectures =
        new InformerEventSource<>(
            InformerEventSourceConfiguration.from(Architecture.class, ChaosExperiment.class)
                .withName("experiment-architectures")
                .withNamespacesInheritedFromController()
                .withPrimaryToSecondaryMapper(
                    (ChaosExperiment e) ->
                        e.getSpec().getArchitectureRef() == null
                            ? Set.of()
                            : Set.of(
                                new ResourceID(
                                    e.getSpec().getArchitectureRef(),
                                    e.getMetadata().getNamespace())))
                .withSecondaryToPrimaryMapper(
                    a ->
                        context
                            .getPrimaryCache()
                            .list(
                                a.getMetadata().getNamespace(),
                                e ->
                                    a.getMetadata()
                                        .getName()
                                        .equals(e.getSpec().getArchitectureRef()))
                            .map(ResourceID::fromResource)
                            .collect(Collectors.toSet()))
                .build(),
            context);
    return List.of(
        pods.eventSource(),
        architectures,
        new ExperimentTraffic(
            context, statsClient, pods::trafficSources, config.experimentInterval()));
  }

  @Override
  public UpdateControl<ChaosExperiment> reconcile(
      ChaosExperiment experiment, Context<ChaosExperiment> context) {
    KubernetesSerialization serialization = context.getClient().getKubernetesSerialization();
    ChaosExperimentStatus status = ExperimentRuns.copy(experiment.getStatus(), serialization);
    Architecture architecture = context.getSecondaryResource(Architecture.class).orElse(null);
    Instant now = clock.instant();
    List<Problem> problems = ChaosExperimentValidator.validate(experiment.getSpec()).errors();
    if (!problems.isEmpty()) {
      step(context)
          .invalid(
              experiment,
              architecture,
              status,
              problems.stream().map(Problem::toString).collect(Collectors.joining("; ")),
              now);
      return write(experiment, status, context);
    }
    Optional<Duration> next = ExperimentRuns.due(experiment, status, architecture, now);
    if (next.isEmpty()) {
      TrafficReading reading =
          context
              .getSecondaryResource(SettledTraffic.class)
              .map(SettledTraffic::reading)
              .orElse(null);
      List<Pod> architecturePods =
          architecture == null
              ? List.of()
              : pods.of(
                  architecture.getMetadata().getNamespace(), architecture.getMetadata().getName());
      next =
          step(context)
              .run(
                  experiment,
                  status,
                  architecture,
                  instances(architecture, architecturePods),
                  architecturePods,
                  reading,
                  now)
              .or(() -> ExperimentRuns.nextRun(experiment, status, now));
    }
    UpdateControl<ChaosExperiment> control = write(experiment, status, context);
    return next.map(control::rescheduleAfter).orElse(control);
  }

  /**
   * Writes the status when it changed. JOSDK does not cache a primary it patched itself, so a
   * reconcile triggered (by a traffic reading, a timer) before the informer has the write would
   * start from the older status and redo a step: a window recorded twice. The written resource is
   * cached for the next reconcile instead.
   */
  private static UpdateControl<ChaosExperiment> write(
      ChaosExperiment experiment, ChaosExperimentStatus status, Context<ChaosExperiment> context) {
    if (ExperimentRuns.patch(experiment, status, context.getClient().getKubernetesSerialization())
        .isPresent()) {
      PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(
          experiment,
          context,
          e -> {
            e.setStatus(status);
            return e;
          });
    }
    return UpdateControl.noUpdate();
  }

  /** Deleting a running experiment restores its outage at once. */
  @Override
  public DeleteControl cleanup(ChaosExperiment experiment, Context<ChaosExperiment> context) {
    ChaosExperimentStatus status =
        ExperimentRuns.copy(
            experiment.getStatus(), context.getClient().getKubernetesSerialization());
    step(context)
        .stop(
            experiment,
            context.getSecondaryResource(Architecture.class).orElse(null),
            status,
            clock.instant());
    return DeleteControl.defaultDelete();
  }

  private ExperimentStep step(Context<ChaosExperiment> context) {
    return new ExperimentStep(new Outages(context.getClient()), actions);
  }

  /** The architecture's instances from its cached pods; null when it has none to offer. */
  private ArchitectureInstances instances(Architecture architecture, List<Pod> architecturePods) {
    if (architecture == null) {
      return null;
    }
    try {
      List<Deployment> desired =
          ArchitectureManifests.build(architecture, config.manifestOptions()).stream()
              .filter(Deployment.class::isInstance)
              .map(Deployment.class::cast)
              .toList();
      return ArchitectureInstances.of(desired, architecturePods);
    } catch (InvalidArchitectureException e) {
      return null;
    }
  }
}
