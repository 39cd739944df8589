package io.simianviz.model.live;

import io.simianviz.model.topology.Edge;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.Topology;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One running architecture as the live view shows it: regions, zones, tiers and instances with
 * their states, tier to tier traffic over the last few seconds, and the events (kills,
 * replacements, experiment phases and verdicts, evolution steps). Runtimes tell it what happens
 * ({@link #instanceState}, {@link #event}, {@link #edgeReading}, {@link #tierReading}); servers
 * read {@link #snapshot}s. Safe to call from any thread. Pure: no I/O, no clock but the one given.
 */
public final class LiveArchitecture {
  /** The span of the traffic figures. */
  public static final long WINDOW_MS = 5_000;

  /** How many events a snapshot carries, the newest. */
  public static final int EVENTS_KEPT = 200;

  private final String arch;
  private final LongSupplier clock;
  private final Map<String, Instance> instances = new LinkedHashMap<>();
  private final Map<String, InstanceState> states = new ConcurrentHashMap<>();
  private final Map<String, String> packages = new LinkedHashMap<>();
  private final Map<String, Integer> sizes = new LinkedHashMap<>();
  private volatile List<Edge> edges;
  private final Map<String, Window> tierWindows = new ConcurrentHashMap<>();
  private final Map<String, Window> edgeWindows = new ConcurrentHashMap<>();
  private final Deque<LiveEvent> events = new ArrayDeque<>();
  private long nextSeq = 1;

  private LiveArchitecture(Topology topology, LongSupplier clock, InstanceState initial) {
    this.arch = topology.arch();
    this.clock = clock;
    for (Instance i : topology.instances()) {
      instances.put(i.name(), i);
      states.put(i.name(), initial);
      packages.putIfAbsent(i.tier(), i.pkg().spigoName());
      sizes.merge(i.tier(), 1, Integer::sum);
    }
    this.edges = topology.edges().stream().filter(e -> !e.selfEdge()).toList();
  }

  /**
   * Every instance of {@code topology} starting.
   *
   * @param clockMillis the clock of events and readings (e.g. milliseconds since the run started)
   */
  public static LiveArchitecture of(Topology topology, LongSupplier clockMillis) {
    return new LiveArchitecture(topology, clockMillis, InstanceState.STARTING);
  }

  /** Every instance of {@code topology} in {@code state}: a drawing without a run. */
  public static LiveArchitecture of(
      Topology topology, LongSupplier clockMillis, InstanceState state) {
    return new LiveArchitecture(topology, clockMillis, state);
  }

  public String arch() {
    return arch;
  }

  /**
   * The architecture changed while it runs (an evolution step): instances of {@code next} not known
   * yet are added as starting, the tiers' sizes and the edges become {@code next}'s. Instances that
   * {@code next} lacks stay until {@link #remove}d, as they are drained before they stop.
   */
  public void evolve(Topology next) {
    synchronized (instances) {
      Map<String, Integer> nextSizes = new LinkedHashMap<>();
      for (Instance i : next.instances()) {
        if (instances.putIfAbsent(i.name(), i) == null) {
          states.put(i.name(), InstanceState.STARTING);
        }
        packages.put(i.tier(), i.pkg().spigoName());
        nextSizes.merge(i.tier(), 1, Integer::sum);
      }
      sizes.keySet().retainAll(nextSizes.keySet());
      sizes.putAll(nextSizes);
      edges = next.edges().stream().filter(e -> !e.selfEdge()).toList();
    }
  }

  /** An instance stopped for good (an evolution step): it leaves the drawing. */
  public void remove(String instance) {
    synchronized (instances) {
      Instance gone = instances.remove(instance);
      states.remove(instance);
      if (gone != null
          && instances.values().stream().noneMatch(i -> i.tier().equals(gone.tier()))) {
        packages.remove(gone.tier());
        sizes.remove(gone.tier());
      }
    }
  }

  /**
   * Sets an instance's state.
   *
   * @throws IllegalArgumentException when the topology has no such instance
   */
  public void instanceState(String instance, InstanceState state) {
    if (states.replace(instance, state) == null) {
      throw new IllegalArgumentException("no instance " + instance + " in " + arch);
    }
  }

  /** An instance's state, or null when the topology has none of that name. */
  public InstanceState state(String instance) {
    return states.get(instance);
  }

  /** Adds an event, stamped now; the oldest are forgotten past {@link #EVENTS_KEPT}. */
  public LiveEvent event(EventKind kind, String text, String... instances) {
    synchronized (events) {
      LiveEvent e = new LiveEvent(nextSeq++, clock.getAsLong(), kind, text, List.of(instances));
      events.addLast(e);
      while (events.size() > EVENTS_KEPT) {
        events.removeFirst();
      }
      return e;
    }
  }

  /** The cumulative figures of the calls from tier {@code from} to tier {@code to}. */
  public void edgeReading(String from, String to, Reading reading) {
    edgeWindows.computeIfAbsent(from + "\u0000" + to, k -> new Window(WINDOW_MS)).add(reading);
  }

  /**
   * The cumulative figures of what tier {@code tier} served (for a traffic source: what it sent).
   */
  public void tierReading(String tier, Reading reading) {
    tierWindows.computeIfAbsent(tier, k -> new Window(WINDOW_MS)).add(reading);
  }

  /** The model now. */
  public LiveSnapshot snapshot() {
    Map<String, Map<String, Map<String, List<LiveSnapshot.InstanceView>>>> placed =
        new LinkedHashMap<>();
    Map<String, Integer> ready = new LinkedHashMap<>();
    List<Instance> all;
    Map<String, String> tierPackages;
    Map<String, Integer> tierSizes;
    synchronized (instances) {
      all = List.copyOf(instances.values());
      tierPackages = new LinkedHashMap<>(packages);
      tierSizes = new LinkedHashMap<>(sizes);
    }
    for (Instance i : all) {
      InstanceState s = states.getOrDefault(i.name(), InstanceState.STARTING);
      placed
          .computeIfAbsent(i.region(), r -> new LinkedHashMap<>())
          .computeIfAbsent(i.zone(), z -> new LinkedHashMap<>())
          .computeIfAbsent(i.tier(), t -> new ArrayList<>())
          .add(new LiveSnapshot.InstanceView(i.name(), s));
      ready.merge(i.tier(), s.serving() ? 1 : 0, Integer::sum);
    }
    List<LiveSnapshot.Region> regions = new ArrayList<>();
    placed.forEach(
        (region, zones) -> {
          List<LiveSnapshot.Zone> zs = new ArrayList<>();
          zones.forEach(
              (zone, tiers) -> {
                List<LiveSnapshot.ZoneTier> ts = new ArrayList<>();
                tiers.forEach((tier, list) -> ts.add(new LiveSnapshot.ZoneTier(tier, list)));
                zs.add(new LiveSnapshot.Zone(zone, ts));
              });
          regions.add(new LiveSnapshot.Region(region, zs));
        });
    List<LiveSnapshot.Tier> tiers = new ArrayList<>();
    tierPackages.forEach(
        (tier, pkg) ->
            tiers.add(
                new LiveSnapshot.Tier(
                    tier,
                    pkg,
                    ready.getOrDefault(tier, 0),
                    tierSizes.getOrDefault(tier, 0),
                    figures(tierWindows.get(tier)))));
    List<LiveSnapshot.TierEdge> tierEdges = new ArrayList<>();
    for (Edge e : edges) {
      tierEdges.add(
          new LiveSnapshot.TierEdge(
              e.from(), e.to(), figures(edgeWindows.get(e.from() + "\u0000" + e.to()))));
    }
    List<LiveEvent> recent;
    synchronized (events) {
      recent = List.copyOf(events);
    }
    return new LiveSnapshot(
        arch, clock.getAsLong(), WINDOW_MS / 1000.0, regions, tiers, tierEdges, recent);
  }

  private static Figures figures(Window w) {
    return w == null ? Figures.NONE : w.figures();
  }
}
