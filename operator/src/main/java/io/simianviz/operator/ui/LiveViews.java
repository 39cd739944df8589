package io.simianviz.operator.ui;

import io.fabric8.kubernetes.api.model.Pod;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.Cache;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.operator.OperatorConfig;
import io.simianviz.operator.traffic.SourceReading;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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
 * The live views of every Architecture the controller knows: twice a second (as the local runtime)
 * each is brought up to date from the controller's caches, on a thread of its own, and pushed to
 * the pages that follow it. Reads caches only: no call to the API server or to a pod, and nothing
 * on the reconcile thread. Before the controller's event sources exist (or on a replica that is not
 * the leader, where they never start) there is nothing to show.
 */
@ApplicationScoped
public class LiveViews {
  /** How often the views are brought up to date and pushed. */
  public static final long PERIOD_MS = 500;

  private static final Logger LOG = Logger.getLogger(LiveViews.class);

  /** What the controller caches, handed over when its event sources are made. */
  private record Sources(
      Cache<Architecture> architectures,
      Function<Architecture, List<Pod>> pods,
      Function<Architecture, Set<SourceReading>> readings) {}

  private final OperatorConfig config;
  private final Clock clock;
  private final Map<ResourceID, ArchitectureView> views = new ConcurrentHashMap<>();
  private final Map<ResourceID, Set<HttpServerResponse>> streams = new ConcurrentHashMap<>();
  private volatile Sources sources;
  private ScheduledExecutorService ticker;
  private ScheduledFuture<?> ticking;

  private final PodStats podStats;

  public LiveViews(OperatorConfig config, Clock clock, PodStats podStats) {
    this.config = config;
    this.clock = clock;
    this.podStats = podStats;
  }

  /**
   * Starts reading the controller's caches (called from the reconciler's prepareEventSources).
   *
   * @param pods an architecture's pods, from the pod informer's cache
   * @param readings an architecture's traffic source readings, from the traffic poller
   */
  public synchronized void attach(
      Cache<Architecture> architectures,
      Function<Architecture, List<Pod>> pods,
      Function<Architecture, Set<SourceReading>> readings) {
    sources = new Sources(architectures, pods, readings);
    if (ticker == null) {
      ticker =
          Executors.newSingleThreadScheduledExecutor(
              Thread.ofPlatform().name("live-view").daemon().factory());
      ticking = ticker.scheduleWithFixedDelay(this::tick, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (ticker != null) {
      ticking.cancel(false);
      ticker.shutdownNow();
    }
    streams.values().forEach(set -> set.forEach(LiveViews::end));
    streams.clear();
  }

  private void tick() {
    try {
      update();
      push();
    } catch (RuntimeException e) {
      // never let the scheduler drop the task
      LOG.warnf(e, "live view update failed");
    }
  }

  /** Brings every view up to date now. */
  synchronized void update() {
    Sources s = sources;
    if (s == null) {
      return;
    }
    long now = clock.millis();
    Set<ResourceID> present = new HashSet<>();
    Set<String> podUids = new HashSet<>();
    List<Architecture> architectures;
    try {
      architectures = s.architectures().list().toList();
    } catch (RuntimeException e) {
      return; // the controller has not started (yet): this replica is not the leader
    }
    for (Architecture a : architectures) {
      ResourceID id = ResourceID.fromResource(a);
      present.add(id);
      ArchitectureView view = views.computeIfAbsent(id, k -> new ArchitectureView(a, now));
      List<Pod> pods = orEmpty(() -> s.pods().apply(a));
      pods.forEach(p -> podUids.add(p.getMetadata().getUid()));
      podStats.poll(pods, now);
      view.observe(
          a,
          pods,
          orEmpty(() -> s.readings().apply(a)),
          podStats::of,
          config.manifestOptions(),
          config.trafficInterval(),
          now);
    }
    views.keySet().retainAll(present);
    podStats.retain(podUids);
  }

  /** A cache not started yet (this replica is not the leader) reads as empty. */
  private static <T> List<T> orEmpty(java.util.function.Supplier<? extends Collection<T>> read) {
    try {
      return List.copyOf(read.get());
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private void push() {
    for (var e : streams.entrySet()) {
      if (e.getValue().isEmpty()) {
        continue;
      }
      Optional<LiveSnapshot> snapshot = snapshot(e.getKey().getNamespace().orElse(""), name(e));
      if (snapshot.isEmpty()) {
        continue;
      }
      Buffer event = Buffer.buffer("event: snapshot\ndata: " + snapshot.get().toJson() + "\n\n");
      for (HttpServerResponse r : e.getValue()) {
        if (!r.writeQueueFull()) { // a reader that does not keep up skips updates
          r.write(event);
        }
      }
    }
  }

  private static String name(Map.Entry<ResourceID, ?> e) {
    return e.getKey().getName();
  }

  /** One architecture's model now. */
  public synchronized Optional<LiveSnapshot> snapshot(String namespace, String name) {
    ArchitectureView view = views.get(new ResourceID(name, namespace));
    return view == null ? Optional.empty() : view.snapshot(clock.millis());
  }

  /** One line of the index per architecture: namespace, name, tiers ready, problem. */
  public record Entry(String namespace, String name, String tiersReady, String problem) {}

  /** Every architecture known, by namespace and name. */
  public synchronized List<Entry> list() {
    List<Entry> out = new ArrayList<>();
    for (ArchitectureView v : views.values()) {
      Architecture a = v.architecture();
      String ready =
          a == null || a.getStatus() == null || a.getStatus().getTiersReady() == null
              ? ""
              : a.getStatus().getTiersReady();
      out.add(new Entry(v.namespace(), v.name(), ready, v.problem()));
    }
    out.sort(Comparator.comparing(Entry::namespace).thenComparing(Entry::name));
    return out;
  }

  /** Follows an architecture: its model now, then one snapshot event per update. */
  void follow(String namespace, String name, HttpServerResponse response) {
    ResourceID id = new ResourceID(name, namespace);
    Set<HttpServerResponse> set = streams.computeIfAbsent(id, k -> ConcurrentHashMap.newKeySet());
    String first = snapshot(namespace, name).map(LiveSnapshot::toJson).orElse(null);
    response.write(
        "retry: 1000\n\n" + (first == null ? "" : "event: snapshot\ndata: " + first + "\n\n"));
    set.add(response);
    response.closeHandler(v -> set.remove(response));
    response.exceptionHandler(t -> set.remove(response));
  }

  private static void end(HttpServerResponse r) {
    try {
      r.end();
    } catch (RuntimeException e) {
      // already closed
    }
  }
}
