package io.simianviz.service;

import io.simianviz.api.model.Defaults;
import io.simianviz.api.model.Durations;
import io.simianviz.api.model.ServiceTime;
import io.simianviz.api.model.TierPackage;
import io.simianviz.api.topology.Instance;
import io.simianviz.api.v1alpha1.Fanout;
import io.simianviz.api.v1alpha1.Protocol;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Pod mode configuration, read from environment variables (the operator sets them; the table is in
 * docs/nanoservice.md). Parsing is separate from {@link PodMain} so it can be tested.
 *
 * @param traffic the traffic to send, or null when this is not a traffic source or it is off
 */
public record PodSettings(
    InstanceConfig config,
    List<String> zones,
    int dependencyPort,
    Duration dnsInterval,
    CallPolicy policy,
    SpanExporter.Options spans,
    double sampleRate,
    TrafficSource.Options traffic) {

  /**
   * @throws IllegalArgumentException naming the variable that is missing or wrong
   */
  public static PodSettings fromEnvironment(Map<String, String> env) {
    Env e = new Env(env);
    String tier = e.required("SIMIANVIZ_TIER");
    TierPackage pkg =
        TierPackage.fromSpigoName(e.required("SIMIANVIZ_PACKAGE"))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "SIMIANVIZ_PACKAGE must be one of " + TierPackage.knownNames()));
    Map<String, TierPackage> deps = new LinkedHashMap<>();
    boolean crossRegion = false;
    for (String dep : e.list("SIMIANVIZ_DEPENDENCIES", List.of())) {
      String[] parts = dep.split(":");
      if (parts[0].equals(TierPackage.EUREKA_DEPENDENCY)) {
        crossRegion = true;
        continue;
      }
      if (parts.length != 2 || TierPackage.fromSpigoName(parts[1]).isEmpty()) {
        throw new IllegalArgumentException(
            "SIMIANVIZ_DEPENDENCIES entries are tier:package, e.g. cassSubscriber:priamCassandra;"
                + " got "
                + dep);
      }
      deps.put(parts[0], TierPackage.fromSpigoName(parts[1]).get());
    }
    int port = e.integer("SIMIANVIZ_PORT", 8080);
    String serviceTime = e.get("SIMIANVIZ_SERVICE_TIME");
    InstanceConfig config =
        new InstanceConfig(
            e.required("SIMIANVIZ_ARCH"),
            e.get("SIMIANVIZ_INSTANCE", e.get("HOSTNAME", tier)),
            tier,
            pkg,
            e.get("SIMIANVIZ_REGION", Defaults.REGION_NAMES.get(0)),
            e.get("SIMIANVIZ_ZONE", Instance.ANY),
            deps,
            crossRegion,
            e.parse("SIMIANVIZ_PROTOCOL", Protocol.HTTP, Protocol::fromValue),
            dependencyProtocols(e, deps),
            serviceTime == null ? PackageDefaults.serviceTime(pkg) : ServiceTime.parse(serviceTime),
            e.decimal("SIMIANVIZ_ERROR_RATE", 0),
            e.integer("SIMIANVIZ_RESPONSE_BYTES", PackageDefaults.RESPONSE_BYTES),
            e.decimal("SIMIANVIZ_HIT_RATE", PackageDefaults.hitRate(pkg)),
            Fanout.valueOf(e.get("SIMIANVIZ_FANOUT", "one").toUpperCase(Locale.ROOT)),
            e.get("SIMIANVIZ_HOST", e.get("POD_IP", "0.0.0.0")),
            port);
    CallPolicy policy =
        CallPolicy.defaults()
            .withTimeout(e.duration("SIMIANVIZ_CALL_TIMEOUT", Duration.ofSeconds(2)))
            .withMaxRetries(e.integer("SIMIANVIZ_RETRIES", 2));
    String spanFile = e.get("SIMIANVIZ_SPAN_FILE");
    String flowFile = e.get("SIMIANVIZ_FLOW_FILE");
    SpanExporter.Options spans =
        new SpanExporter.Options(
            spanFile == null ? null : Path.of(spanFile),
            flowFile == null ? null : Path.of(flowFile),
            e.get("SIMIANVIZ_ZIPKIN_ENDPOINT"),
            10_000,
            500,
            Duration.ofSeconds(1));
    double rate = e.decimal("SIMIANVIZ_TRAFFIC_RATE", Defaults.TRAFFIC_RATE);
    List<String> mix = e.list("SIMIANVIZ_TRAFFIC_MIX", List.of("50", "50"), ":");
    TrafficSource.Options traffic =
        pkg == TierPackage.DENOMINATOR && rate > 0
            ? TrafficSource.Options.of(
                rate, Integer.parseInt(mix.get(0)), Integer.parseInt(mix.get(1)))
            : null;
    return new PodSettings(
        config,
        e.list("SIMIANVIZ_ZONES", Defaults.ZONE_NAMES),
        e.integer("SIMIANVIZ_DEPENDENCY_PORT", port),
        e.duration("SIMIANVIZ_DNS_INTERVAL", Duration.ofSeconds(1)),
        policy,
        spans,
        e.decimal("SIMIANVIZ_SAMPLE_RATE", 1.0),
        traffic);
  }

  /**
   * SIMIANVIZ_DEPENDENCY_PROTOCOLS: {@code tier=protocol,...} (or {@code tier:protocol}) for the
   * dependencies that do not serve http.
   */
  private static Map<String, Protocol> dependencyProtocols(
      Env e, Map<String, TierPackage> dependencies) {
    String name = "SIMIANVIZ_DEPENDENCY_PROTOCOLS";
    Map<String, Protocol> protocols = new LinkedHashMap<>();
    for (String entry : e.list(name, List.of())) {
      String[] parts = entry.split("[=:]");
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            name + " entries are tier=protocol, e.g. cassSubscriber=grpc; got " + entry);
      }
      if (!dependencies.containsKey(parts[0])) {
        throw new IllegalArgumentException(
            name + " names " + parts[0] + ", which is not in SIMIANVIZ_DEPENDENCIES");
      }
      try {
        protocols.put(parts[0], Protocol.fromValue(parts[1]));
      } catch (IllegalArgumentException ex) {
        throw new IllegalArgumentException(name + ", entry " + entry + ": " + ex.getMessage());
      }
    }
    return protocols;
  }

  /** Typed reads of the environment, each naming the variable when its value is wrong. */
  private record Env(Map<String, String> env) {
    String get(String name) {
      String v = env.get(name);
      return v == null || v.isBlank() ? null : v.trim();
    }

    String get(String name, String fallback) {
      String v = get(name);
      return v == null ? fallback : v;
    }

    String required(String name) {
      String v = get(name);
      if (v == null) {
        throw new IllegalArgumentException(name + " is required");
      }
      return v;
    }

    List<String> list(String name, List<String> fallback) {
      return list(name, fallback, ",");
    }

    List<String> list(String name, List<String> fallback, String separator) {
      String v = get(name);
      return v == null
          ? fallback
          : Arrays.stream(v.split(separator)).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    int integer(String name, int fallback) {
      return parse(name, fallback, Integer::parseInt);
    }

    double decimal(String name, double fallback) {
      return parse(name, fallback, Double::parseDouble);
    }

    Duration duration(String name, Duration fallback) {
      return parse(name, fallback, Durations::parse);
    }

    private <T> T parse(String name, T fallback, java.util.function.Function<String, T> parser) {
      String v = get(name);
      try {
        return v == null ? fallback : parser.apply(v);
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException(
            name + "=\"" + v + "\" is not valid: " + ex.getMessage());
      }
    }
  }
}
