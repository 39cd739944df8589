package io.simianviz.operator;

import io.simianviz.api.manifest.ManifestOptions;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The operator's own settings ({@code simianviz.operator.*} in application.properties, or the
 * matching {@code SIMIANVIZ_OPERATOR_*} environment variables the Helm chart sets). Which
 * namespaces are watched is QOSDK's {@code quarkus.operator-sdk.namespaces}.
 */
@ConfigMapping(prefix = "simianviz.operator")
public interface OperatorConfig {
  /** The nanoservice image for tiers that name none; defaults to the operator's own version. */
  String nanoserviceImage();

  /**
   * The namespace the operator runs in: the NetworkPolicies admit it to every pod's admin port so
   * it can read /stats and run segmentation probes.
   */
  @WithDefault(ManifestOptions.DEFAULT_OPERATOR_NAMESPACE)
  String namespace();

  /**
   * More namespaces admitted to every pod's admin port, e.g. where a Prometheus scrapes /metrics;
   * none by default.
   */
  Optional<List<String>> scrapeNamespaces();

  /**
   * How often each architecture's traffic sources' /stats are read, off the reconcile thread; a
   * changed figure triggers a reconcile.
   */
  @WithDefault("30s")
  Duration trafficInterval();

  /**
   * How often a running ChaosExperiment's traffic sources are read (its settled counters), off the
   * reconcile thread; the experiment is reconciled as often.
   */
  @WithDefault("1s")
  Duration experimentInterval();

  /** Connect and read timeout of one /stats request. */
  @WithDefault("2s")
  Duration statsTimeout();

  /**
   * How often a ready architecture's segmentation is probed again (it is also probed once per spec
   * generation as soon as its tiers are ready).
   */
  @WithDefault("5m")
  Duration segmentationInterval();

  /** How long a pod tries one segmentation connection before it counts as blocked. */
  @WithDefault("1s")
  Duration probeTimeout();

  /** Segmentation probes in flight at once, over all tiers of one architecture. */
  @WithDefault("8")
  int probeConcurrency();

  /** Whether the operator takes a Lease before reconciling (only in the prod profile). */
  @WithDefault("true")
  boolean leaderElection();

  /**
   * Whether the process exits when it loses the Lease (JOSDK's default), so it never reconciles
   * beside a new leader; Kubernetes restarts it as a follower.
   */
  @WithDefault("true")
  boolean exitWhenLeadershipLost();

  /** The name of that Lease, in the operator's namespace. */
  @WithDefault("simianviz-operator")
  String leaseName();

  /** How the tiers with {@code autoscale} are scaled (docs/evolution.md). */
  Autoscaling autoscaling();

  /** {@code simianviz.operator.autoscaling.*}. */
  interface Autoscaling {
    /** Who scales an autoscaled tier. */
    enum Mode {
      /** The operator, from the requests or p99 its pods' /metrics show. */
      TRAFFIC,
      /** A HorizontalPodAutoscaler on CPU per Deployment; the operator sets no replicas. */
      HPA
    }

    @WithDefault("traffic")
    Mode mode();

    /**
     * How often the autoscaled tiers' pods are read and decided on (an HPA's sync period), off the
     * reconcile thread; a changed decision triggers a reconcile.
     */
    @WithDefault("15s")
    Duration interval();

    /** The HPAs' average CPU utilization target, percent of the pods' CPU request. */
    @WithDefault("70")
    int cpuUtilization();
  }

  /** The rendering settings the manifest builders take. */
  default ManifestOptions manifestOptions() {
    return new ManifestOptions(
            nanoserviceImage(),
            namespace(),
            ManifestOptions.DEFAULT_SERVICE_PORT,
            ManifestOptions.DEFAULT_ADMIN_PORT)
        .withScrapeNamespaces(scrapeNamespaces().orElse(List.of()))
        .withHpaCpuUtilization(
            autoscaling().mode() == Autoscaling.Mode.HPA ? autoscaling().cpuUtilization() : null);
  }
}
