package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.simianviz.api.model.Defaults;
import io.simianviz.api.model.TierPackage;
import io.simianviz.api.topology.Instance;
import io.simianviz.api.v1alpha1.ArchitectureSpec;
import io.simianviz.api.v1alpha1.TierSpec;
import io.simianviz.api.v1alpha1.TracingSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The environment that configures one nanoservice pod (pod mode). Tier fields left out of the spec
 * are left out here too, so the nanoservice applies its package defaults. Lists are
 * comma-separated; {@link #DISCOVERY} entries are {@code tier/region/zone=service}.
 */
final class NanoserviceEnv {
  static final String ARCH = "SIMIANVIZ_ARCH";
  static final String TIER = "SIMIANVIZ_TIER";
  static final String PACKAGE = "SIMIANVIZ_PACKAGE";
  static final String ROLE = "SIMIANVIZ_ROLE";
  static final String REGION = "SIMIANVIZ_REGION";
  static final String ZONE = "SIMIANVIZ_ZONE";
  static final String ZONES = "SIMIANVIZ_ZONES";
  static final String NAMESPACE = "SIMIANVIZ_NAMESPACE";
  static final String POD_NAME = "SIMIANVIZ_POD_NAME";
  static final String PORT = "SIMIANVIZ_PORT";
  static final String ADMIN_PORT = "SIMIANVIZ_ADMIN_PORT";
  static final String PROTOCOL = "SIMIANVIZ_PROTOCOL";
  static final String DEPENDENCIES = "SIMIANVIZ_DEPENDENCIES";
  static final String CROSS_REGION = "SIMIANVIZ_CROSS_REGION";
  static final String DISCOVERY = "SIMIANVIZ_DISCOVERY";
  static final String SERVICE_TIME = "SIMIANVIZ_SERVICE_TIME";
  static final String ERROR_RATE = "SIMIANVIZ_ERROR_RATE";
  static final String RESPONSE_BYTES = "SIMIANVIZ_RESPONSE_BYTES";
  static final String HIT_RATE = "SIMIANVIZ_HIT_RATE";
  static final String FANOUT = "SIMIANVIZ_FANOUT";
  static final String TRAFFIC_ENABLED = "SIMIANVIZ_TRAFFIC_ENABLED";
  static final String TRAFFIC_RATE = "SIMIANVIZ_TRAFFIC_RATE";
  static final String TRAFFIC_GET = "SIMIANVIZ_TRAFFIC_GET";
  static final String TRAFFIC_PUT = "SIMIANVIZ_TRAFFIC_PUT";
  static final String ZIPKIN_ENDPOINT = "SIMIANVIZ_ZIPKIN_ENDPOINT";
  static final String SAMPLE_RATE = "SIMIANVIZ_SAMPLE_RATE";

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
    add(env, ARCH, arch);
    add(env, TIER, tier);
    add(env, PACKAGE, pkg.spigoName());
    add(env, ROLE, pkg.role().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    add(env, REGION, group.region());
    add(env, ZONE, group.zone());
    add(env, ZONES, String.join(",", Defaults.zoneNames(spec)));
    env.add(field(NAMESPACE, "metadata.namespace"));
    env.add(field(POD_NAME, "metadata.name"));
    add(env, PORT, String.valueOf(options.servicePort()));
    add(env, ADMIN_PORT, String.valueOf(options.adminPort()));
    add(env, PROTOCOL, NanoservicePod.protocol(t));
    StringJoiner deps = new StringJoiner(",");
    graph.dependencies(tier).forEach(d -> deps.add(d + "=" + graph.pkg(d).spigoName()));
    add(env, DEPENDENCIES, deps.toString());
    add(env, CROSS_REGION, String.valueOf(graph.crossRegion(tier)));
    add(env, DISCOVERY, discovery(group));
    addIfSet(env, SERVICE_TIME, t.getServiceTime());
    addIfSet(env, ERROR_RATE, t.getErrorRate());
    addIfSet(env, RESPONSE_BYTES, t.getResponseBytes());
    addIfSet(env, HIT_RATE, t.getHitRate());
    addIfSet(env, FANOUT, t.getFanout() == null ? null : t.getFanout().value());
    if (pkg.role() == TierPackage.Role.TRAFFIC_SOURCE) {
      int[] mix = Defaults.mix(spec);
      add(env, TRAFFIC_ENABLED, String.valueOf(Defaults.trafficEnabled(spec)));
      add(env, TRAFFIC_RATE, number(Defaults.trafficRate(spec)));
      add(env, TRAFFIC_GET, String.valueOf(mix[0]));
      add(env, TRAFFIC_PUT, String.valueOf(mix[1]));
    }
    TracingSpec tracing = spec.getTracing();
    if (tracing != null && tracing.getZipkinEndpoint() != null) {
      if (!tracing.getZipkinEndpoint().isBlank()) {
        add(env, ZIPKIN_ENDPOINT, tracing.getZipkinEndpoint());
        add(
            env,
            SAMPLE_RATE,
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
  private String discovery(ZoneGroup caller) {
    StringJoiner out = new StringJoiner(",");
    for (String dep : graph.dependencies(caller.tier())) {
      if (graph.isElb(dep)) {
        out.add(dep + "/*/*=" + names.tierService(dep));
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
          out.add(dep + "/" + target.region() + "/" + target.zone() + "=" + service);
        }
      }
    }
    return out.toString();
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
