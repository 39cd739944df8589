package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.simianviz.model.Defaults;
import io.simianviz.model.TierPackage;
import io.simianviz.model.evolution.RateSchedule;
import io.simianviz.model.pod.DependencyEntry;
import io.simianviz.model.pod.DiscoveryEntry;
import io.simianviz.model.pod.PodVariables;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.Protocol;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.TracingSpec;
import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment that configures one nanoservice pod (pod mode), in the contract of {@link
 * PodVariables}. Tier fields left out of the spec are left out here too, so the nanoservice applies
 * its package defaults.
 */
final class NanoserviceEnv {
  private final String arch;
  private final ArchitectureSpec spec;
  private final TierGraph graph;
  private final ResourceNames names;
  private final ManifestOptions options;

  NanoserviceEnv(
      String arch,
      ArchitectureSpec spec,
      TierGraph graph,
      ResourceNames names,
      ManifestOptions options) {
    this.arch = arch;
    this.spec = spec;
    this.graph = graph;
    this.names = names;
    this.options = options;
  }

  List<EnvVar> of(ZoneGroup group) {
    String tier = group.tier();
    TierSpec t = graph.spec(tier);
    TierPackage pkg = graph.pkg(tier);
    List<EnvVar> env = new ArrayList<>();
    add(env, PodVariables.ARCH, arch);
    add(env, PodVariables.TIER, tier);
    add(env, PodVariables.PACKAGE, pkg.spigoName());
    add(env, PodVariables.REGION, group.region());
    add(env, PodVariables.ZONE, group.zone());
    env.add(field(PodVariables.POD_NAME, "metadata.name"));
    // The pod's own address: peers of a self-dependent tier recognise themselves in DNS answers.
    env.add(field(PodVariables.HOST, "status.podIP"));
    add(env, PodVariables.PORT, String.valueOf(options.servicePort()));
    add(env, PodVariables.ADMIN_PORT, String.valueOf(options.adminPort()));
    add(env, PodVariables.PROTOCOL, NanoservicePod.protocol(t));
    add(env, PodVariables.DEPENDENCIES, DependencyEntry.formatAll(dependencies(tier)));
    add(env, PodVariables.CROSS_REGION, String.valueOf(graph.crossRegion(tier)));
    add(env, PodVariables.DISCOVERY, DiscoveryEntry.formatAll(discovery(group)));
    addIfSet(env, PodVariables.SERVICE_TIME, t.getServiceTime());
    addIfSet(env, PodVariables.ERROR_RATE, t.getErrorRate());
    addIfSet(env, PodVariables.RESPONSE_BYTES, t.getResponseBytes());
    addIfSet(env, PodVariables.HIT_RATE, t.getHitRate());
    addIfSet(env, PodVariables.FANOUT, t.getFanout() == null ? null : t.getFanout().value());
    if (pkg.role() == TierPackage.Role.TRAFFIC_SOURCE) {
      int[] mix = Defaults.mix(spec);
      add(env, PodVariables.TRAFFIC_ENABLED, String.valueOf(Defaults.trafficEnabled(spec)));
      add(env, PodVariables.TRAFFIC_RATE, number(Defaults.trafficRate(spec)));
      String schedule = RateSchedule.of(spec).formatSteps();
      if (!schedule.isEmpty()) {
        add(env, PodVariables.TRAFFIC_SCHEDULE, schedule);
      }
      add(env, PodVariables.TRAFFIC_GET, String.valueOf(mix[0]));
      add(env, PodVariables.TRAFFIC_PUT, String.valueOf(mix[1]));
    }
    TracingSpec tracing = spec.getTracing();
    if (tracing != null && tracing.getZipkinEndpoint() != null) {
      if (!tracing.getZipkinEndpoint().isBlank()) {
        add(env, PodVariables.ZIPKIN_ENDPOINT, tracing.getZipkinEndpoint());
        add(
            env,
            PodVariables.SAMPLE_RATE,
            number(tracing.getSampleRate() == null ? 1 : tracing.getSampleRate()));
      }
    }
    return env;
  }

  /**
   * Where each dependency is found from this group's region: an elb by its Service; a pod tier by
   * its headless Services in the same region (every region when either side is global, or for a
   * tier's own peers when it depends on eureka).
   */
  private List<DiscoveryEntry> discovery(ZoneGroup caller) {
    List<DiscoveryEntry> out = new ArrayList<>();
    for (String dep : graph.dependencies(caller.tier())) {
      if (graph.isElb(dep)) {
        out.add(new DiscoveryEntry(dep, Instance.ANY, Instance.ANY, names.tierService(dep)));
        continue;
      }
      boolean anyRegion =
          Instance.ANY.equals(caller.region())
              || (dep.equals(caller.tier()) && graph.crossRegion(dep));
      boolean multi = graph.multiRegion(dep);
      for (ZoneGroup target : graph.groups(dep)) {
        if (anyRegion
            || Instance.ANY.equals(target.region())
            || target.region().equals(caller.region())) {
          String service = names.discoveryService(dep, target.region(), target.zone(), multi);
          out.add(new DiscoveryEntry(dep, target.region(), target.zone(), service));
        }
      }
    }
    return out;
  }

  /**
   * A tier's dependencies with the protocol to call each in: an elb is a Service in front of pods,
   * so its callers speak the protocol of the tier behind it.
   */
  private List<DependencyEntry> dependencies(String tier) {
    List<DependencyEntry> out = new ArrayList<>();
    for (String dep : graph.dependencies(tier)) {
      String served = graph.isElb(dep) ? graph.targets(dep).stream().findFirst().orElse(dep) : dep;
      out.add(new DependencyEntry(dep, graph.pkg(dep), Protocol.of(graph.spec(served))));
    }
    return out;
  }

  private static String number(double value) {
    return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
  }

  private static void addIfSet(List<EnvVar> env, String name, Object value) {
    if (value instanceof Double d) {
      add(env, name, number(d));
    } else if (value != null) {
      add(env, name, value.toString());
    }
  }

  private static void add(List<EnvVar> env, String name, String value) {
    env.add(new EnvVarBuilder().withName(name).withValue(value).build());
  }

  private static EnvVar field(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }
}
