package io.simianviz.service.pod;

import io.simianviz.model.Defaults;
import io.simianviz.model.Durations;
import io.simianviz.model.ServiceTime;
import io.simianviz.model.TierPackage;
import io.simianviz.model.evolution.RateSchedule;
import io.simianviz.model.pod.DependencyEntry;
import io.simianviz.model.pod.DiscoveryEntry;
import io.simianviz.model.pod.PodVariables;
import io.simianviz.model.spec.Fanout;
import io.simianviz.model.spec.Protocol;
import io.simianviz.model.topology.Instance;
import io.simianviz.service.InstanceConfig;
import io.simianviz.service.PackageDefaults;
import io.simianviz.service.call.CallPolicy;
import io.simianviz.service.trace.SpanExporter;
import io.simianviz.service.traffic.TrafficSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Pod mode configuration, read from the environment variables of {@link PodVariables} (the
 * operator's manifests write them; the table is in docs/nanoservice.md). Parsing is separate from
 * {@link PodMain} so it can be tested.
 *
 * @param adminPort port of a second server for the admin endpoints only, or 0 for none (they are
 *     always served on the service port too)
 * @param discovery the Services where each dependency's instances are found
 * @param traffic the traffic to send, or null when this is not a traffic source or it is off
 * @param rates the traffic's rate over time ({@code traffic.schedule}), null without traffic
 */
public record PodSettings(
    InstanceConfig config,
    int adminPort,
    List<DiscoveryEntry> discovery,
    int dependencyPort,
    Duration dnsInterval,
    CallPolicy policy,
    SpanExporter.Options spans,
    double sampleRate,
    TrafficSource.Options traffic,
    RateSchedule rates) {

  /**
   * Reads a pod's settings from its environment.
   *
   * @throws IllegalArgumentException naming the variable that is missing or wrong
   */
  public static PodSettings fromEnvironment(Map<String, String> env) {
    Env e = new Env(env);
    String tier = e.required(PodVariables.TIER);
    TierPackage pkg =
        TierPackage.fromSpigoName(e.required(PodVariables.PACKAGE))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        PodVariables.PACKAGE + " must be one of " + TierPackage.knownNames()));
    Map<String, TierPackage> deps = new LinkedHashMap<>();
    Map<String, Protocol> protocols = new LinkedHashMap<>();
    for (DependencyEntry dep : DependencyEntry.parseAll(e.get(PodVariables.DEPENDENCIES))) {
      deps.put(dep.tier(), dep.pkg());
      protocols.put(dep.tier(), dep.protocol());
    }
    List<DiscoveryEntry> discovery = DiscoveryEntry.parseAll(e.get(PodVariables.DISCOVERY));
    for (String dep : deps.keySet()) {
      if (discovery.stream().noneMatch(d -> d.tier().equals(dep))) {
        throw new IllegalArgumentException(
            PodVariables.DISCOVERY + " has no entry for dependency " + dep);
      }
    }
    int port = e.integer(PodVariables.PORT, 8080);
    int adminPort = e.integer(PodVariables.ADMIN_PORT, 0);
    String serviceTime = e.get(PodVariables.SERVICE_TIME);
    InstanceConfig config =
        new InstanceConfig(
            e.required(PodVariables.ARCH),
            e.get(PodVariables.POD_NAME, e.get("HOSTNAME", tier)),
            tier,
            pkg,
            e.get(PodVariables.REGION, Defaults.REGION_NAMES.get(0)),
            e.get(PodVariables.ZONE, Instance.ANY),
            deps,
            e.bool(PodVariables.CROSS_REGION, false),
            e.parse(PodVariables.PROTOCOL, Protocol.HTTP, Protocol::fromValue),
            protocols,
            serviceTime == null ? PackageDefaults.serviceTime(pkg) : ServiceTime.parse(serviceTime),
            e.decimal(PodVariables.ERROR_RATE, 0),
            e.integer(PodVariables.RESPONSE_BYTES, PackageDefaults.RESPONSE_BYTES),
            e.decimal(PodVariables.HIT_RATE, PackageDefaults.hitRate(pkg)),
            Fanout.valueOf(e.get(PodVariables.FANOUT, "one").toUpperCase(Locale.ROOT)),
            e.get(PodVariables.HOST, "0.0.0.0"),
            port);
    if (adminPort > 0 && adminPort == port) {
      throw new IllegalArgumentException(
          PodVariables.ADMIN_PORT
              + " must differ from "
              + PodVariables.PORT
              + " (both "
              + port
              + ")");
    }
    CallPolicy policy =
        CallPolicy.defaults()
            .withTimeout(e.duration(PodVariables.CALL_TIMEOUT, Duration.ofSeconds(2)))
            .withMaxRetries(e.integer(PodVariables.RETRIES, 2));
    String spanFile = e.get(PodVariables.SPAN_FILE);
    String flowFile = e.get(PodVariables.FLOW_FILE);
    SpanExporter.Options spans =
        new SpanExporter.Options(
            spanFile == null ? null : Path.of(spanFile),
            flowFile == null ? null : Path.of(flowFile),
            e.get(PodVariables.ZIPKIN_ENDPOINT),
            10_000,
            500,
            Duration.ofSeconds(1));
    double rate = e.decimal(PodVariables.TRAFFIC_RATE, Defaults.TRAFFIC_RATE);
    RateSchedule rates =
        e.parse(
            PodVariables.TRAFFIC_SCHEDULE,
            new RateSchedule(rate, List.of()),
            v -> RateSchedule.parseSteps(rate, v));
    boolean sends =
        pkg == TierPackage.DENOMINATOR
            && rates.sends()
            && e.bool(PodVariables.TRAFFIC_ENABLED, true);
    TrafficSource.Options traffic =
        sends
            ? TrafficSource.Options.of(
                rate,
                e.integer(PodVariables.TRAFFIC_GET, 50),
                e.integer(PodVariables.TRAFFIC_PUT, 50))
            : null;
    return new PodSettings(
        config,
        adminPort,
        discovery,
        e.integer(PodVariables.DEPENDENCY_PORT, port),
        e.duration(PodVariables.DNS_INTERVAL, Duration.ofSeconds(1)),
        policy,
        spans,
        e.decimal(PodVariables.SAMPLE_RATE, 1.0),
        traffic,
        sends ? rates : null);
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

    boolean bool(String name, boolean fallback) {
      return parse(
          name,
          fallback,
          v -> {
            if (!v.equals("true") && !v.equals("false")) {
              throw new IllegalArgumentException("expected true or false");
            }
            return Boolean.parseBoolean(v);
          });
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

    <T> T parse(String name, T fallback, Function<String, T> parser) {
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
