package io.simianviz.model.graph;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.simianviz.model.live.InstanceState;
import io.simianviz.model.live.LiveArchitecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.InstanceEdges;
import io.simianviz.model.topology.LoopbackAddresses;
import io.simianviz.model.topology.Topology;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

/** The expanded topology in the forms `simianviz graph` prints. */
public final class GraphFormats {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private GraphFormats() {}

  private record InstanceEntry(
      String name, String tier, @JsonProperty("package") String pkg, String region, String zone) {}

  private record EdgeEntry(String from, String to) {}

  private record TopologyEntry(List<InstanceEntry> instances, List<EdgeEntry> edges) {}

  /** {@code {"instances":[{name,tier,package,region,zone}],"edges":[{from,to}]}}. */
  public static String json(Topology topology) {
    var entry =
        new TopologyEntry(
            topology.instances().stream()
                .map(
                    i ->
                        new InstanceEntry(
                            i.name(), i.tier(), i.pkg().spigoName(), i.region(), i.zone()))
                .toList(),
            topology.edges().stream().map(e -> new EdgeEntry(e.from(), e.to())).toList());
    try {
      return JSON.writeValueAsString(entry) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("plain records always serialise", e);
    }
  }

  /** spigo-0.4 graph JSON: every instance with its loopback IP, every instance-level edge. */
  public static String spigo(Topology topology, ArchitectureSpec spec, String args, Instant at) {
    StringWriter out = new StringWriter();
    try (SpigoGraphWriter writer = new SpigoGraphWriter(out, topology.arch(), args, at)) {
      for (Instance i : topology.instances()) {
        writer.node(i, LoopbackAddresses.forOrdinal(i.ordinal()), at);
      }
      for (InstanceEdges.InstanceEdge e : InstanceEdges.of(topology, spec)) {
        writer.edge(e.source(), e.target(), at);
      }
    }
    return out.toString();
  }

  /**
   * Graphviz: regions and zones as clusters, a node per tier and region (package and instance
   * count), one arrow per dependency within a region (see {@link DotGraph}).
   */
  public static String dot(Topology topology) {
    return DotGraph.of(topology);
  }

  /**
   * Vizceral's traffic format (see {@link VizceralJson}): regions, tiers and their connections,
   * every instance ready and every volume 0, since nothing runs.
   */
  public static String vizceral(Topology topology, Instant at) {
    LiveArchitecture live = LiveArchitecture.of(topology, () -> 0, InstanceState.READY);
    return VizceralJson.of(live.snapshot(), at.toEpochMilli());
  }
}
