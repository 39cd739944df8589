package io.simianviz.operator.ui;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.manifest.ManifestLabels;
import io.simianviz.api.manifest.ManifestOptions;
import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.live.LiveSnapshot;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.operator.traffic.SourceReading;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The live view of one Architecture on the cluster, kept by {@link LiveViews}: what the operator
 * already knows of it (its spec, the pods its informer caches, the traffic sources' readings of the
 * traffic poller, the chaos summary of its status) turned into the live model the page draws.
 *
 * <p>The regions, zones and tiers are the spec's expanded topology. Each (tier, region, zone) of a
 * tier that runs pods is filled with that zone's pods (non-terminating first, oldest first); a slot
 * no pod fills yet is drawn starting under the topology's instance name, and pods beyond the
 * replicas (terminating ones, a rollout's surge) are drawn after them. Tiers without pods (elb,
 * eureka: Kubernetes Services stand for them) are drawn ready.
 *
 * <p>Traffic ({@link ViewTraffic}): each tier's and each edge's counts from the pods' own /stats
 * series, or the traffic poller's readings for a source tier. Events ({@link ViewEvents}): pods
 * going away, becoming ready, isolated, and the chaos summary's kills.
 *
 * <p>Not thread-safe: {@link LiveViews} calls it under its lock.
 */
final class ArchitectureView {
  private final String namespace;
  private final String name;
  private final long originMs;
  private final ViewTraffic traffic = new ViewTraffic();
  private final ViewEvents events = new ViewEvents();

  private Long layoutGeneration;
  private Layout layout;
  private String problem;
  private Architecture architecture;
  private List<Pod> pods = List.of();

  /** The spec's topology and which of its tiers run pods. */
  private record Layout(Topology topology, Set<String> podTiers, Map<String, String> tierOfLabel) {}

  ArchitectureView(Architecture architecture, long nowMs) {
    this.namespace = architecture.getMetadata().getNamespace();
    this.name = architecture.getMetadata().getName();
    this.originMs = created(architecture).orElse(nowMs);
  }

  String namespace() {
    return namespace;
  }

  String name() {
    return name;
  }

  /** Why the spec cannot be drawn (null: it can). */
  String problem() {
    return problem;
  }

  /**
   * Takes in what the operator knows now.
   *
   * @param readings the traffic poller's last readings (pod UID, figures)
   * @param interval how often the poller reads
   */
  void observe(
      Architecture architecture,
      List<Pod> pods,
      Collection<SourceReading> readings,
      Function<String, List<PodStats.PodSeries>> podSeries,
      ManifestOptions options,
      Duration interval,
      long nowMs) {
    this.architecture = architecture;
    this.pods = List.copyOf(pods);
    relayout(architecture, options);
    if (layout == null) {
      return;
    }
    long at = nowMs - originMs;
    events.observePods(name, this.pods, at);
    traffic.observe(this.pods, layout.tierOfLabel(), readings, podSeries, interval, at);
    events.observeChaos(
        architecture.getStatus() == null ? null : architecture.getStatus().getChaos(), at);
  }

  private void relayout(Architecture architecture, ManifestOptions options) {
    Long generation = architecture.getMetadata().getGeneration();
    if (layout != null && Objects.equals(generation, layoutGeneration)) {
      return;
    }
    layoutGeneration = generation;
    try {
      Topology topology =
          TopologyExpander.expand(name, architecture.getSpec(), ExpansionOptions.NONE);
      Set<String> podTiers = new HashSet<>();
      for (var object : ArchitectureManifests.build(architecture, options)) {
        if (object instanceof Deployment d && d.getMetadata().getAnnotations() != null) {
          podTiers.add(d.getMetadata().getAnnotations().get(ManifestLabels.TIER_NAME_ANNOTATION));
        }
      }
      Map<String, String> tierOfLabel = new HashMap<>();
      topology.instances().forEach(i -> tierOfLabel.put(ResourceNames.tier(i.tier()), i.tier()));
      layout = new Layout(topology, podTiers, tierOfLabel);
      problem = null;
    } catch (RuntimeException e) {
      // Invalid: the operator leaves the running objects alone, the view keeps its last drawing.
      problem = e.getMessage() == null ? e.toString() : e.getMessage();
    }
  }

  /** The model now, or empty before the spec could ever be drawn. */
  Optional<LiveSnapshot> snapshot(long nowMs) {
    if (layout == null) {
      return Optional.empty();
    }
    long at = nowMs - originMs;
    Map<String, List<Pod>> podsByGroup = new HashMap<>();
    for (Pod pod : pods) {
      podsByGroup.computeIfAbsent(PodState.group(pod), g -> new ArrayList<>()).add(pod);
    }
    Map<String, List<Instance>> slots = new LinkedHashMap<>();
    for (Instance i : layout.topology().instances()) {
      slots.computeIfAbsent(PodState.group(i), g -> new ArrayList<>()).add(i);
    }
    List<Instance> instances = new ArrayList<>();
    Map<String, InstanceState> states = new HashMap<>();
    Comparator<Pod> order =
        Comparator.<Pod, Boolean>comparing(p -> p.getMetadata().getDeletionTimestamp() != null)
            .thenComparing(p -> Objects.toString(p.getMetadata().getCreationTimestamp(), ""))
            .thenComparing(p -> p.getMetadata().getName());
    slots.forEach(
        (group, wanted) -> {
          Instance first = wanted.get(0);
          if (!layout.podTiers().contains(first.tier())) {
            wanted.forEach(
                i -> {
                  instances.add(i);
                  states.put(i.name(), InstanceState.READY);
                });
            return;
          }
          List<Pod> found = new ArrayList<>(podsByGroup.getOrDefault(group, List.of()));
          found.sort(order);
          int n = Math.max(wanted.size(), found.size());
          for (int k = 0; k < n; k++) {
            Instance slot = k < wanted.size() ? wanted.get(k) : wanted.get(wanted.size() - 1);
            if (k < found.size()) {
              Pod pod = found.get(k);
              String podName = pod.getMetadata().getName();
              instances.add(
                  new Instance(
                      podName,
                      slot.tier(),
                      slot.pkg(),
                      slot.region(),
                      slot.zone(),
                      k,
                      slot.ordinal()));
              states.put(podName, PodState.of(pod));
            } else {
              instances.add(slot);
              states.put(slot.name(), InstanceState.STARTING);
            }
          }
        });
    Topology drawn = new Topology(name, instances, layout.topology().edges());
    LiveArchitecture live = LiveArchitecture.of(drawn, () -> at);
    states.forEach(live::instanceState);
    traffic.feed(live);
    LiveSnapshot s = live.snapshot();
    return Optional.of(
        new LiveSnapshot(
            s.arch(),
            s.atMs(),
            s.windowS(),
            s.regions(),
            traffic.tiers(s),
            traffic.edges(s),
            events.list()));
  }

  /** The Architecture as last observed. */
  Architecture architecture() {
    return architecture;
  }

  private static Optional<Long> created(Architecture architecture) {
    String created = architecture.getMetadata().getCreationTimestamp();
    if (created == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(created).toEpochMilli());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
