package io.simianviz.api.segmentation;

import io.simianviz.api.manifest.ResourceNames;
import io.simianviz.api.manifest.TierGraph;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.TopologyExpander;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The probes that show whether an architecture is segmented. From every tier that runs pods: each
 * declared dependency's Service (an elb's Service for a dependency on an elb, its own Service for a
 * self-dependent tier) must be reachable; and up to {@link #UNDECLARED_SAMPLE} tiers it sends
 * nothing to must be blocked. Those are chosen by a CRC32 of the edge name rather than at random,
 * so the same architecture is always probed along the same edges and the status does not churn.
 * Only pod tiers are undeclared candidates: an elb's Service leads to pods the caller may be
 * allowed to reach through another path.
 */
public final class SegmentationPlan {
  /** Undeclared edges probed per calling tier. */
  public static final int UNDECLARED_SAMPLE = 3;

  private SegmentationPlan() {}

  /**
   * The probes of a valid architecture, calling tiers in declaration order, each one's declared
   * edges first (in dependency order), then its sampled undeclared edges (in declaration order).
   *
   * @param servicePort the port every tier Service serves on
   */
  public static List<SegmentationProbe> of(Architecture architecture, int servicePort) {
    String name = architecture.getMetadata().getName();
    String namespace = architecture.getMetadata().getNamespace();
    TierGraph graph =
        new TierGraph(
            architecture.getSpec(),
            TopologyExpander.expand(name, architecture.getSpec(), ExpansionOptions.NONE));
    ResourceNames names = new ResourceNames(name);
    List<String> podTiers = graph.podTiers();
    List<SegmentationProbe> probes = new ArrayList<>();
    for (String from : podTiers) {
      for (String to : graph.dependencies(from)) {
        probes.add(probe(from, to, Expectation.REACHABLE, names, namespace, servicePort));
      }
      Set<String> targets = graph.targets(from);
      List<String> candidates =
          podTiers.stream().filter(t -> !t.equals(from) && !targets.contains(t)).toList();
      List<String> sampled =
          candidates.stream()
              .sorted(
                  Comparator.comparingLong((String t) -> edgeHash(from, t)).thenComparing(t -> t))
              .limit(UNDECLARED_SAMPLE)
              .toList();
      for (String to : candidates) {
        if (sampled.contains(to)) {
          probes.add(probe(from, to, Expectation.BLOCKED, names, namespace, servicePort));
        }
      }
    }
    return List.copyOf(probes);
  }

  private static SegmentationProbe probe(
      String from,
      String to,
      Expectation expect,
      ResourceNames names,
      String namespace,
      int servicePort) {
    String host = names.tierService(to) + (namespace == null ? "" : "." + namespace + ".svc");
    return new SegmentationProbe(from, to, host, servicePort, expect);
  }

  /** A hash that is the same in every JVM and release (unlike a seeded random choice). */
  static long edgeHash(String from, String to) {
    CRC32 crc = new CRC32();
    crc.update((from + "->" + to).getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }
}
