package io.simianviz.operator.segmentation;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.ResourceIDMapper;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.javaoperatorsdk.operator.processing.event.source.ExternalResourceCachingEventSource;
import io.javaoperatorsdk.operator.processing.event.source.ResourceEventAware;
import io.simianviz.api.segmentation.SegmentationPlan;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.Defaults;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.status.ChaosActivity;
import io.simianviz.operator.status.Conditions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs an architecture's segmentation probes on threads of its own and keeps the latest round for
 * the reconcile ({@code context.getSecondaryResource(ProbeRound.class)}); a round that finds
 * something new triggers a reconcile, one that repeats the last does not.
 *
 * <p>A round is due once the status the reconcile wrote says the tiers of the current spec
 * generation are Ready (and no chaos outage is in effect), once per generation and again every
 * {@code segmentationInterval}. Unlike a fixed-period poller it looks on every change of the
 * Architecture, the status writes included, so the first round starts as soon as the tiers are
 * ready.
 */
public class ProbeRoundSource
    extends ExternalResourceCachingEventSource<ProbeRound, Architecture, String>
    implements ResourceEventAware<Architecture> {
  private static final String NAME = "segmentation-probes";
  private static final Logger LOG = Logger.getLogger(ProbeRoundSource.class);

  /** Rounds of different architectures in parallel: a round waits for its slowest probes. */
  private static final int THREADS = 2;

  private final Cache<Architecture> architectures;
  private final Function<Architecture, List<Pod>> pods;
  private final ProbeRunner runner;
  private final int servicePort;
  private final Duration interval;
  private final Clock clock;
  private final ProbeSchedule schedule = new ProbeSchedule();
  private final Set<ResourceID> probing = ConcurrentHashMap.newKeySet();
  private final Map<ResourceID, ScheduledFuture<?>> rechecks = new ConcurrentHashMap<>();
  private final ScheduledExecutorService executor =
      Executors.newScheduledThreadPool(
          THREADS, Thread.ofPlatform().name("segmentation-probes-", 0).daemon().factory());

  /**
   * @param pods an architecture's pods, from an informer's cache
   */
  public ProbeRoundSource(
      EventSourceContext<Architecture> context,
      Function<Architecture, List<Pod>> pods,
      ProbeRunner runner,
      OperatorConfig config,
      Clock clock) {
    super(NAME, ProbeRound.class, ResourceIDMapper.singleResourceResourceIDMapper());
    this.architectures = context.getPrimaryCache();
    this.pods = pods;
    this.runner = runner;
    this.servicePort = config.manifestOptions().servicePort();
    this.interval = config.segmentationInterval();
    this.clock = clock;
  }

  /** Looks at every architecture the controller already knows: their events came before. */
  @Override
  public void start() {
    super.start();
    architectures.list().forEach(this::probeIfDue);
  }

  @Override
  public void onResourceCreated(Architecture architecture) {
    probeIfDue(architecture);
  }

  @Override
  public void onResourceUpdated(Architecture architecture, Architecture previous) {
    probeIfDue(architecture);
  }

  @Override
  public void onResourceDeleted(Architecture architecture) {
    ResourceID id = ResourceID.fromResource(architecture);
    Optional.ofNullable(rechecks.remove(id)).ifPresent(f -> f.cancel(false));
    schedule.forget(key(id));
    cache.remove(id);
  }

  @Override
  public void stop() {
    super.stop();
    executor.shutdownNow();
  }

  /** Called on the informer's thread: starts a round on ours when one is due and none runs. */
  private void probeIfDue(Architecture architecture) {
    ResourceID id = ResourceID.fromResource(architecture);
    if (!Defaults.segmentationEnabled(architecture.getSpec())) {
      // Re-enabled later, the status shows DISABLED until a new round, not old findings.
      schedule.forget(key(id));
      cache.remove(id);
      return;
    }
    if (isRunning() && due(architecture) && probing.add(id)) {
      executor.execute(() -> round(id));
    }
  }

  private void round(ResourceID id) {
    try {
      architectures.get(id).filter(this::due).ifPresent(this::probe);
    } catch (RuntimeException e) {
      // Not at once again: the next change of the Architecture retries.
      LOG.warnf(e, "segmentation probes of %s did not run", id);
      return;
    } finally {
      probing.remove(id);
    }
    // The spec may have changed, and its tiers become ready, while this round ran.
    architectures.get(id).ifPresent(this::probeIfDue);
  }

  private void probe(Architecture architecture) {
    ResourceID id = ResourceID.fromResource(architecture);
    long generation = generation(architecture);
    Instant now = clock.instant();
    ProbeRound round =
        new ProbeRound(
            generation,
            runner.run(SegmentationPlan.of(architecture, servicePort), pods.apply(architecture)),
            now);
    if (architectures.get(id).isEmpty()) {
      return; // deleted while probing
    }
    schedule.ran(key(id), generation, now);
    if (!round.repeats(getSecondaryResource(id).orElse(null))) {
      handleResources(id, round);
    }
    ScheduledFuture<?> recheck =
        executor.schedule(
            () -> architectures.get(id).ifPresent(this::probeIfDue),
            interval.toMillis(),
            TimeUnit.MILLISECONDS);
    Optional.ofNullable(rechecks.put(id, recheck)).ifPresent(f -> f.cancel(false));
  }

  private boolean due(Architecture architecture) {
    long generation = generation(architecture);
    return readyAt(architecture, generation)
        && schedule.due(
            key(ResourceID.fromResource(architecture)), generation, clock.instant(), interval);
  }

  /**
   * Whether the status written for this generation says every tier is ready, and no chaos outage is
   * in effect (an isolated zone's edges are blocked on purpose, not by a segmentation fault).
   */
  private static boolean readyAt(Architecture architecture, long generation) {
    List<Condition> conditions =
        architecture.getStatus() == null ? null : architecture.getStatus().getConditions();
    return !Conditions.isTrue(conditions, ChaosActivity.CONDITION)
        && Conditions.isTrue(conditions, Conditions.READY)
        && Conditions.find(conditions, Conditions.READY)
            .map(c -> Objects.equals(c.getObservedGeneration(), generation))
            .orElse(false);
  }

  private static long generation(Architecture architecture) {
    return Optional.ofNullable(architecture.getMetadata().getGeneration()).orElse(0L);
  }

  private static String key(ResourceID id) {
    return id.getNamespace().orElse("") + "/" + id.getName();
  }
}
