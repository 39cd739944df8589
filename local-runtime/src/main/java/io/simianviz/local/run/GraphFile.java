package io.simianviz.local.run;

import io.simianviz.model.graph.SpigoGraphWriter;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.discovery.Endpoint;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.function.Function;

/**
 * graph.json as the run goes, in spigo's format: a node per instance name when it first starts, an
 * edge when one instance first calls another, and each instance's end.
 */
public final class GraphFile implements AutoCloseable {
  private final Writer file;
  private final SpigoGraphWriter graph;
  private final Function<String, Instance> instances;
  private volatile boolean closing;

  /**
   * @param instances the run's instance of a name, or null: an edge is drawn between known ones
   */
  public GraphFile(Path path, String arch, Function<String, Instance> instances)
      throws IOException {
    this.file = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
    this.graph = new SpigoGraphWriter(file, arch, "simianviz run", Instant.now());
    this.instances = instances;
  }

  /** A node for an instance that starts listening at {@code host}. */
  public void node(Instance instance, String host) {
    graph.node(instance, host, Instant.now());
  }

  /** An edge when one instance first calls another, as spigo drew connections. */
  public void edge(String caller, Endpoint callee) {
    if (closing) {
      return; // graph.json is being closed
    }
    Instance source = instances.apply(caller);
    Instance target = instances.apply(callee.instance());
    if (source != null && target != null) {
      graph.edge(source, target, Instant.now());
    }
  }

  /** An instance ended: {@code reason} is "normal" at the end of the run, "removed" by a step. */
  public void done(Instance instance, String reason) {
    graph.done(instance, reason, Instant.now());
  }

  /** No more edges: the run is stopping. */
  public void closing() {
    closing = true;
  }

  @Override
  public void close() throws IOException {
    try {
      graph.close();
    } finally {
      file.close();
    }
  }
}
