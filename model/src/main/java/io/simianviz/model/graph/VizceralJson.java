package io.simianviz.model.graph;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.simianviz.model.live.EventKind;
import io.simianviz.model.live.Figures;
import io.simianviz.model.live.LiveEvent;
import io.simianviz.model.live.LiveSnapshot;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live model in Vizceral's traffic format, which Vizceral-based viewers draw: a {@code global}
 * node whose nodes are {@code INTERNET} and one {@code region} node per region; each region's nodes
 * are its tiers and the entry node {@code INTERNET}; connections carry requests per second split
 * into {@code normal} (answered) and {@code danger} (failed), with {@code warning} 0. Global tiers
 * (the traffic sources) are Vizceral's {@code INTERNET}: their calls into a region are the region's
 * {@code INTERNET} connections, shared between regions by the called tier's instances there, as are
 * a tier's calls when its region is one of several. Node {@code class} is {@code danger} when over
 * 5% of its requests fail or none of its instances serves, {@code warning} above 1% or when some
 * instance is not serving; {@code notices} are the events of the last 30 s about its instances. The
 * whole live snapshot rides along in the top node's {@code metadata.simianviz}, so `simianviz view`
 * can draw the page again from this file alone.
 */
public final class VizceralJson {
  /** The entry node's name, which Vizceral requires. */
  public static final String INTERNET = "INTERNET";

  /** How far back events become notices. */
  static final long NOTICE_MS = 30_000;

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private VizceralJson() {}

  /** The document as pretty-printed JSON. */
  public static String of(LiveSnapshot snapshot, long updatedEpochMillis) {
    try {
      return JSON.writeValueAsString(tree(snapshot, updatedEpochMillis)) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The snapshot carried in a document written by {@link #of}. */
  public static LiveSnapshot snapshotOf(String vizceralJson) throws JsonProcessingException {
    JsonNode carried = JSON.readTree(vizceralJson).path("metadata").path("simianviz");
    if (carried.isMissingNode()) {
      throw new IllegalArgumentException("not written by simianviz: no metadata.simianviz");
    }
    return LiveSnapshot.fromJson(carried.toString());
  }

  /** The document as a JSON tree. */
  public static ObjectNode tree(LiveSnapshot snapshot, long updatedEpochMillis) {
    Map<String, LiveSnapshot.Tier> tiers = new LinkedHashMap<>();
    snapshot.tiers().forEach(t -> tiers.put(t.name(), t));
    // Instances of each tier per region; global tiers are those of region "*".
    Map<String, Map<String, Integer>> perRegion = new LinkedHashMap<>();
    Map<String, String> tierOfInstance = new HashMap<>();
    Set<String> global = new HashSet<>();
    for (LiveSnapshot.Region r : snapshot.regions()) {
      for (LiveSnapshot.Zone z : r.zones()) {
        for (LiveSnapshot.ZoneTier t : z.tiers()) {
          if ("*".equals(r.name())) {
            global.add(t.name());
          } else {
            perRegion
                .computeIfAbsent(r.name(), k -> new LinkedHashMap<>())
                .merge(t.name(), t.instances().size(), Integer::sum);
          }
          t.instances().forEach(i -> tierOfInstance.put(i.name(), t.name()));
        }
      }
    }
    Map<String, Integer> regionalTotals = new HashMap<>();
    perRegion.values().forEach(m -> m.forEach((t, n) -> regionalTotals.merge(t, n, Integer::sum)));

    ObjectNode top = JSON.createObjectNode();
    top.put("renderer", "global");
    top.put("name", "edge");
    ArrayNode topNodes = top.putArray("nodes");
    ArrayNode topConnections = top.putArray("connections");
    ObjectNode internet = topNodes.addObject();
    internet.put("renderer", "region");
    internet.put("name", INTERNET);
    internet.put("class", "normal");
    internet.putObject("metadata").set("tiers", strings(global));
    double globalMax = 0;
    for (Map.Entry<String, Map<String, Integer>> region : perRegion.entrySet()) {
      Map<String, Integer> here = region.getValue();
      ObjectNode node = topNodes.addObject();
      node.put("renderer", "region");
      node.put("name", region.getKey());
      node.put("updated", updatedEpochMillis);
      ArrayNode nodes = JSON.createArrayNode();
      ArrayNode connections = JSON.createArrayNode();
      nodes.addObject().put("name", INTERNET).put("class", "normal");
      String regionClass = "normal";
      for (String tier : here.keySet()) {
        LiveSnapshot.Tier t = tiers.get(tier);
        ObjectNode n = nodes.addObject();
        n.put("name", tier);
        String c = tierClass(t);
        n.put("class", c);
        regionClass = worse(regionClass, c);
        n.set("notices", notices(snapshot, tier, tierOfInstance));
        ObjectNode meta = n.putObject("metadata");
        meta.put("package", t.pkg());
        meta.put("instances", here.get(tier));
        meta.put("ready", t.ready());
        meta.put("total", t.total());
        figures(meta, t.served());
      }
      double max = 0;
      double fromInternet = 0;
      double failedFromInternet = 0;
      for (LiveSnapshot.TierEdge e : snapshot.edges()) {
        boolean fromGlobal = global.contains(e.from());
        if (!here.containsKey(e.to()) || !(fromGlobal || here.containsKey(e.from()))) {
          continue;
        }
        double share = here.get(e.to()) / (double) regionalTotals.get(e.to());
        double rps = e.figures().rps() * share;
        double failed = rps * e.figures().errorRate();
        ObjectNode c = connections.addObject();
        c.put("source", fromGlobal ? INTERNET : e.from());
        c.put("target", e.to());
        ObjectNode m = c.putObject("metrics");
        m.put("normal", rps - failed);
        m.put("warning", 0.0);
        m.put("danger", failed);
        c.put("class", edgeClass(e.figures()));
        c.putArray("notices");
        figures(c.putObject("metadata"), e.figures());
        max = Math.max(max, rps);
        if (fromGlobal) {
          fromInternet += rps;
          failedFromInternet += failed;
        }
      }
      node.put("maxVolume", Math.max(1, max));
      node.put("class", regionClass);
      node.set("nodes", nodes);
      node.set("connections", connections);
      globalMax = Math.max(globalMax, fromInternet);
      ObjectNode c = topConnections.addObject();
      c.put("source", INTERNET);
      c.put("target", region.getKey());
      ObjectNode m = c.putObject("metrics");
      m.put("normal", fromInternet - failedFromInternet);
      m.put("warning", 0.0);
      m.put("danger", failedFromInternet);
      c.put(
          "class",
          edgeClass(
              new Figures(
                  fromInternet, fromInternet == 0 ? 0 : failedFromInternet / fromInternet, 0, 0)));
      c.putArray("notices");
    }
    top.put("maxVolume", Math.max(1, globalMax));
    top.put("serverUpdateTime", updatedEpochMillis);
    top.putObject("metadata").set("simianviz", JSON.valueToTree(snapshot));
    return top;
  }

  static String tierClass(LiveSnapshot.Tier t) {
    if (t.served().errorRate() > 0.05 || (t.total() > 0 && t.ready() == 0)) {
      return "danger";
    }
    if (t.served().errorRate() > 0.01 || t.ready() < t.total()) {
      return "warning";
    }
    return "normal";
  }

  static String edgeClass(Figures f) {
    return f.errorRate() > 0.05 ? "danger" : f.errorRate() > 0.01 ? "warning" : "normal";
  }

  private static String worse(String a, String b) {
    List<String> order = List.of("normal", "warning", "danger");
    return order.indexOf(a) >= order.indexOf(b) ? a : b;
  }

  private static void figures(ObjectNode meta, Figures f) {
    meta.put("rps", f.rps());
    meta.put("errorRate", f.errorRate());
    meta.put("p50Ms", f.p50Ms());
    meta.put("p99Ms", f.p99Ms());
  }

  private static ArrayNode notices(
      LiveSnapshot snapshot, String tier, Map<String, String> tierOfInstance) {
    ArrayNode out = JSON.createArrayNode();
    for (LiveEvent e : snapshot.events()) {
      if (snapshot.atMs() - e.atMs() > NOTICE_MS) {
        continue;
      }
      Set<String> tiersOf = new LinkedHashSet<>();
      e.instances().forEach(i -> tiersOf.add(tierOfInstance.get(i)));
      if (tiersOf.contains(tier)) {
        out.addObject()
            .put("title", e.text())
            .put(
                "severity", e.kind() == EventKind.KILL ? 1 : e.kind() == EventKind.VERDICT ? 1 : 0);
      }
    }
    return out;
  }

  private static ArrayNode strings(Set<String> values) {
    ArrayNode a = JSON.createArrayNode();
    values.forEach(a::add);
    return a;
  }
}
