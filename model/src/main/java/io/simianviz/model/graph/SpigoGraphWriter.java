package io.simianviz.model.graph;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.simianviz.model.topology.Instance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;

/**
 * Streams spigo's {@code spigo-0.4} graph JSON, the format spigo's D3 viewer loads: {@code
 * {"arch","version","args","date","graph":[node, edge, done entries]}}. Entries are written as they
 * happen, so a local run that is cut short still leaves a readable prefix in order.
 */
public final class SpigoGraphWriter implements AutoCloseable {
  public static final String VERSION = "spigo-0.4";

  private final JsonGenerator json;
  private int edges;

  public SpigoGraphWriter(Writer out, String arch, String args, Instant date) {
    try {
      json = new JsonFactory().createGenerator(out);
      json.writeStartObject();
      json.writeStringField("arch", arch);
      json.writeStringField("version", VERSION);
      json.writeStringField("args", args);
      json.writeStringField("date", date.toString());
      json.writeArrayFieldStart("graph");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized void node(Instance instance, String ip, Instant at) {
    entry(
        "node",
        instance.name(),
        "package",
        instance.pkg().spigoName(),
        "timestamp",
        at.toString(),
        "metadata",
        "IP/" + ip);
  }

  public synchronized void edge(Instance source, Instance target, Instant at) {
    edges++;
    entry(
        "edge",
        "e" + edges,
        "source",
        source.name(),
        "target",
        target.name(),
        "timestamp",
        at.toString());
  }

  public synchronized void done(Instance instance, String exit, Instant at) {
    entry("done", instance.name(), "exit", exit, "timestamp", at.toString());
  }

  private void entry(String... keyValues) {
    try {
      json.writeRaw('\n');
      json.writeStartObject();
      for (int i = 0; i < keyValues.length; i += 2) {
        json.writeStringField(keyValues[i], keyValues[i + 1]);
      }
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      json.writeRaw('\n');
      json.writeEndArray();
      json.writeEndObject();
      json.writeRaw('\n');
      json.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
