package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.Workflow;
import io.javaoperatorsdk.operator.api.reconciler.dependent.Dependent;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.model.validation.InvalidArchitectureException;
import io.simianviz.model.validation.Problem;
import io.simianviz.operator.autoscale.ArchitectureAutoscaler;
import io.simianviz.operator.autoscale.AutoscalePoller;
import io.simianviz.operator.autoscale.AutoscaleTargets;
import io.simianviz.operator.autoscale.TierScale;
import io.simianviz.operator.canary.CanaryMeter;
import io.simianviz.operator.canary.CanaryPoller;
import io.simianviz.operator.canary.CanaryWindow;
import io.simianviz.operator.chaos.ArchitectureInstances;
import io.simianviz.operator.chaos.ArchitectureMonkey;
import io.simianviz.operator.desired.ChaosHold;
import io.simianviz.operator.desired.DeploymentsDependent;
import io.simianviz.operator.desired.DesiredObjects;
import io.simianviz.operator.desired.HorizontalPodAutoscalersDependent;
import io.simianviz.operator.desired.NetworkPoliciesDependent;
import io.simianviz.operator.desired.ServiceAccountDependent;
import io.simianviz.operator.desired.ServicesDependent;
import io.simianviz.operator.evolution.ArchitectureEvolution;
import io.simianviz.operator.evolution.EvolutionStep;
import io.simianviz.operator.segmentation.ProbeRoundSource;
import io.simianviz.operator.segmentation.ProbeRunner;
import io.simianviz.operator.status.ArchitectureStatusAggregator;
import io.simianviz.operator.traffic.SourceReading;
import io.simianviz.operator.traffic.TrafficPoller;
import io.simianviz.operator.traffic.TrafficSources;
import io.simianviz.operator.ui.LiveViews;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Materialises an Architecture: validates it, applies the builders' objects through the workflow of
 * dependents, then writes the status it observes ({@link ObservedStatus}) when it changed.
 *
 * <p>The workflow is invoked explicitly, after validation, rather than guarded by reconcile
 * preconditions: a dependent whose precondition fails is deleted by JOSDK, and an invalid edit must
 * leave the running objects alone. The Deployments wait for the ServiceAccount their pods run as
 * and for the NetworkPolicies, so no pod ever starts unsegmented.
 *
 * <p>Nothing here waits on a pod: the traffic figures and the segmentation probe results are
 * fetched by event sources on threads of their own ({@link TrafficPoller}, {@link
 * ProbeRoundSource}), whose changed results trigger a reconcile; the reconcile reads their latest.
 *
 * <p>The periodic chaos monkey ({@link ArchitectureMonkey}) strikes from here, when due, and the
 * reconcile is rescheduled for its next strike. Deployments a chaos experiment holds at 0 ({@link
 * ChaosHold}) are left there.
 */
@ControllerConfiguration(name = ArchitectureReconciler.NAME)
@Workflow(
    explicitInvocation = true,
    dependents = {
      @Dependent(name = "service-account", type = ServiceAccountDependent.class),
      @Dependent(name = "network-policies", type = NetworkPoliciesDependent.class),
      @Dependent(name = "services", type = ServicesDependent.class),
      @Dependent(
          name = "deployments",
          type = DeploymentsDependent.class,
          dependsOn = {"service-account", "network-policies"}),
      @Dependent(
          name = "horizontal-pod-autoscalers",
          type = HorizontalPodAutoscalersDependent.class,
          dependsOn = "deployments")
    })
public class ArchitectureReconciler implements Reconciler<Architecture> {
  public static final String NAME = "architecture";

  /**
   * How often an architecture with Deployments held by a chaos outage, or in a transition, is
   * looked at again.
   */
  private static final Duration HOLD_RECHECK = Duration.ofSeconds(2);

  private final OperatorConfig config;
  private final TrafficSources trafficSources;
  private final ProbeRunner probeRunner;
  private final StatusPatch statusPatch;
  private final ArchitectureMonkey monkey;
  private final Clock clock;
  private final LiveViews liveViews;
  private final ArchitectureAutoscaler autoscaler;
  private final CanaryMeter canaryMeter;

  /** Set once by {@link #prepareEventSources}, before the first reconcile. */
  private ArchitecturePods pods;

  public ArchitectureReconciler(
      OperatorConfig config,
      TrafficSources trafficSources,
      ProbeRunner probeRunner,
      StatusPatch statusPatch,
      ArchitectureMonkey monkey,
      Clock clock,
      LiveViews liveViews,
      ArchitectureAutoscaler autoscaler,
      CanaryMeter canaryMeter) {
    this.config = config;
    this.trafficSources = trafficSources;
    this.probeRunner = probeRunner;
    this.statusPatch = statusPatch;
    this.monkey = monkey;
    this.clock = clock;
    this.liveViews = liveViews;
    this.autoscaler = autoscaler;
    this.canaryMeter = canaryMeter;
  }

  /** The informer on pods, and the pollers that read the pods it caches. */
  @Override
  public List<EventSource<?, Architecture>> prepareEventSources(
      EventSourceContext<Architecture> context) {
    pods = new ArchitecturePods(context);
    TrafficPoller traffic =
        new TrafficPoller(context, trafficSources, pods::trafficSources, config.trafficInterval());
    // The live view (/ui/) reads the same caches, on a thread of its own.
    liveViews.attach(context.getPrimaryCache(), pods::of, traffic::getSecondaryResources);
    return List.of(
        pods.eventSource(),
        traffic,
        new ProbeRoundSource(context, pods::of, probeRunner, config, clock),
        new AutoscalePoller(context, autoscaler, pods::of, config.autoscaling().interval()),
        new CanaryPoller(context, canaryMeter, pods::of));
  }

  @Override
  public UpdateControl<Architecture> reconcile(
      Architecture architecture, Context<Architecture> context) {
    KubernetesSerialization serialization = context.getClient().getKubernetesSerialization();
    List<Problem> problems = SpecProblems.of(architecture);
    DesiredObjects desired = null;
    if (problems.isEmpty()) {
      try {
        desired = DesiredObjects.build(architecture, config.manifestOptions(), serialization);
      } catch (InvalidArchitectureException e) {
        problems = e.problems();
      }
    }
    ArchitectureStatus previous = architecture.getStatus();
    if (desired == null) {
      ArchitectureStatus status =
          ArchitectureStatusAggregator.invalid(
              previous, generation(architecture), SpecProblems.message(problems), clock.instant());
      return write(architecture, status, context);
    }

    // The autoscaler's decisions (its poller's latest) set the autoscaled tiers' replicas, in
    // every stage of a transition too.
    AutoscaleTargets scaling =
        AutoscaleTargets.of(
            architecture,
            context.getSecondaryResources(TierScale.class),
            config.autoscaling().mode());
    // A chaos outage in effect keeps its Deployments at 0; the status still shows what the spec
    // asks for, so the outage is visible as tiers not ready.
    ChaosHold hold = ChaosHold.of(context.getSecondaryResources(Deployment.class));
    // A changed spec is applied stage by stage (grow, switch, shrink); the stage's objects are
    // what the dependents apply. The spec's own objects were built above to validate it.
    EvolutionStep step =
        ArchitectureEvolution.next(
            architecture,
            spec ->
                DesiredObjects.build(architecture, spec, config.manifestOptions(), serialization)
                    .scaled(scaling.replicas())
                    .holding(hold),
            DesiredObjects.actual(context),
            pods.of(architecture),
            context.getSecondaryResources(SourceReading.class),
            context.getSecondaryResources(CanaryWindow.class),
            clock.instant());
    desired = step.objects();
    desired.attachTo(context);
    context.managedWorkflowAndDependentResourceContext().reconcileManagedWorkflow();

    List<Pod> architecturePods = pods.of(architecture);
    ArchitectureStatus status =
        ObservedStatus.of(
            architecture,
            generation(architecture),
            desired.ofType(Deployment.class),
            scaling,
            architecturePods,
            context,
            clock.instant());
    Optional<Duration> nextStrike =
        monkey.run(
            architecture,
            ArchitectureInstances.of(desired.ofType(Deployment.class), architecturePods),
            status,
            context.getClient());
    step.writeTo(status, generation(architecture), clock.instant());
    UpdateControl<Architecture> control = write(architecture, status, context);
    return nextLook(nextStrike, !hold.isEmpty() || step.inTransition())
        .map(control::rescheduleAfter)
        .orElse(control);
  }

  /**
   * The monkey's next strike; while an outage holds Deployments, a look every few seconds too: a
   * hold read just before its restore wrote 0 once, and JOSDK does not reconcile on the dependents'
   * own writes, so this is what scales them back. While a transition runs, a look every few seconds
   * as well: the pods it waits to be gone trigger no reconcile. Otherwise JOSDK's schedule stands.
   */
  private static Optional<Duration> nextLook(
      Optional<Duration> nextStrike, boolean holdOrTransition) {
    if (!holdOrTransition) {
      return nextStrike;
    }
    return Optional.of(nextStrike.filter(d -> d.compareTo(HOLD_RECHECK) < 0).orElse(HOLD_RECHECK));
  }

  /**
   * An unexpected failure (the API server refusing an object, say) shows as Degraded with its
   * message; JOSDK retries the reconcile as it would without this.
   */
  @Override
  public ErrorStatusUpdateControl<Architecture> updateErrorStatus(
      Architecture architecture, Context<Architecture> context, Exception e) {
    ArchitectureStatus status =
        ArchitectureStatusAggregator.failed(
            architecture.getStatus(),
            generation(architecture),
            FailureMessage.of(e),
            clock.instant());
    write(architecture, status, context);
    return ErrorStatusUpdateControl.noStatusUpdate();
  }

  /**
   * Writes a changed status and caches the written resource for the next reconcile: the transition
   * state lives in the status, and a reconcile that read an older status would redo a stage.
   */
  private UpdateControl<Architecture> write(
      Architecture architecture, ArchitectureStatus status, Context<Architecture> context) {
    if (statusPatch
        .of(architecture, status, context.getClient().getKubernetesSerialization())
        .isPresent()) {
      PrimaryUpdateAndCacheUtils.patchStatusAndCacheResource(
          architecture,
          context,
          a -> {
            a.setStatus(status);
            return a;
          });
    }
    return UpdateControl.noUpdate();
  }

  private static long generation(Architecture architecture) {
    return Optional.ofNullable(architecture.getMetadata().getGeneration()).orElse(0L);
  }
}
