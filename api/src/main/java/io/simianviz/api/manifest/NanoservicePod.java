package io.simianviz.api.manifest;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirementBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.simianviz.model.pod.PodDrain;
import io.simianviz.model.spec.Placement;
import io.simianviz.model.spec.Protocol;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.Instance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The pod of one nanoservice instance: one container meeting the {@code restricted} Pod Security
 * Standard (non-root user 10001, read-only root filesystem with an emptyDir on /tmp, no privilege
 * escalation, every capability dropped, RuntimeDefault seccomp), requests and limits always set,
 * HTTP probes on the admin port (but the readiness of a grpc tier is Kubernetes' native gRPC probe
 * on the service port, see {@link #readiness}), no service account token, and a preStop hook that
 * drains the pod before it stops ({@link PodDrain}).
 */
public final class NanoservicePod {
  public static final String CONTAINER = "nanoservice";
  public static final long USER = 10001;
  public static final String READY_PATH = "/health/ready";
  public static final String LIVE_PATH = "/health/live";
  public static final String ADMIN_PORT_NAME = "admin";

  /**
   * How long Kubernetes gives a going pod: its preStop drain ({@link PodDrain#DEFAULT_SECONDS}),
   * then the stop the nanoservice makes on SIGTERM, which waits at most 10 s for the calls it is
   * serving and its server to close, and 2 s to spare. The grace period counts from the start of
   * the preStop hook, so it must be longer than the two together, or the container is killed
   * mid-drain.
   */
  public static final long TERMINATION_GRACE_SECONDS = PodDrain.DEFAULT_SECONDS + 10 + 2;

  /** Requests and limits for tiers that do not set their own; a tier's values win per resource. */
  public static final Map<String, Quantity> DEFAULT_REQUESTS =
      Map.of("cpu", new Quantity("50m"), "memory", new Quantity("64Mi"));

  public static final Map<String, Quantity> DEFAULT_LIMITS =
      Map.of("cpu", new Quantity("500m"), "memory", new Quantity("128Mi"));

  private static final String ZONE_KEY = "topology.kubernetes.io/zone";
  private static final String REGION_KEY = "topology.kubernetes.io/region";

  private final TierGraph graph;
  private final ResourceNames names;
  private final NanoserviceEnv env;
  private final ManifestOptions options;
  private final Placement placement;

  NanoservicePod(
      TierGraph graph,
      ResourceNames names,
      NanoserviceEnv env,
      ManifestOptions options,
      Placement placement) {
    this.graph = graph;
    this.names = names;
    this.env = env;
    this.options = options;
    this.placement = placement;
  }

  /** The port name of a tier's service port: its protocol. */
  public static String protocol(TierSpec tier) {
    return Protocol.of(tier).value();
  }

  PodTemplateSpec template(ZoneGroup group, Map<String, String> podLabels) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(podLabels)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(names.serviceAccount())
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false)
        .withTerminationGracePeriodSeconds(TERMINATION_GRACE_SECONDS)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(USER)
        .withRunAsGroup(USER)
        .withFsGroup(USER)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .withAffinity(affinity(group))
        .withContainers(container(group))
        .addNewVolume()
        .withName("tmp")
        .withNewEmptyDir()
        .withSizeLimit(new Quantity("32Mi"))
        .endEmptyDir()
        .endVolume()
        .endSpec()
        .build();
  }

  private Container container(ZoneGroup group) {
    TierSpec tier = graph.spec(group.tier());
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(tier.getImage() == null ? options.image() : tier.getImage())
        .withImagePullPolicy("IfNotPresent")
        .withEnv(env.of(group))
        .addNewPort()
        .withName(protocol(tier))
        .withContainerPort(options.servicePort())
        .withProtocol("TCP")
        .endPort()
        .addNewPort()
        .withName(ADMIN_PORT_NAME)
        .withContainerPort(options.adminPort())
        .withProtocol("TCP")
        .endPort()
        .withReadinessProbe(readiness(tier))
        .withLivenessProbe(httpProbe(LIVE_PATH, 10))
        // Drained before it stops: readiness off at once, calls answered until no caller can
        // still find the pod, then SIGTERM (PodDrain).
        .withNewLifecycle()
        .withNewPreStop()
        .withNewHttpGet()
        .withPath(PodDrain.PATH)
        .withNewPort(ADMIN_PORT_NAME)
        .endHttpGet()
        .endPreStop()
        .endLifecycle()
        .withNewResources()
        .withRequests(TierResources.requests(tier, DEFAULT_REQUESTS, DEFAULT_LIMITS))
        .withLimits(TierResources.limits(tier, DEFAULT_LIMITS))
        .endResources()
        .withSecurityContext(restricted())
        .addNewVolumeMount()
        .withName("tmp")
        .withMountPath("/tmp")
        .endVolumeMount()
        .build();
  }

  /**
   * Readiness. A tier whose protocol is grpc gets Kubernetes' native gRPC probe: the standard
   * {@code grpc.health.v1.Health/Check} of the whole server (the empty service name) on the service
   * port, the port and protocol its callers use. Other tiers get {@code GET /health/ready} on the
   * admin port. Both report the same readiness (SERVING exactly when /health/ready answers 200).
   * Liveness stays HTTP for every tier: whether the process runs, not how it serves.
   */
  private Probe readiness(TierSpec tier) {
    if (Protocol.of(tier) != Protocol.GRPC) {
      return httpProbe(READY_PATH, 5);
    }
    return timing(new ProbeBuilder().withNewGrpc().withPort(options.servicePort()).endGrpc(), 5);
  }

  private static Probe httpProbe(String path, int period) {
    return timing(
        new ProbeBuilder()
            .withNewHttpGet()
            .withPath(path)
            .withNewPort(ADMIN_PORT_NAME)
            .endHttpGet(),
        period);
  }

  private static Probe timing(ProbeBuilder probe, int period) {
    return probe.withPeriodSeconds(period).withTimeoutSeconds(2).withFailureThreshold(3).build();
  }

  /** The container fields the restricted Pod Security Standard requires. */
  static SecurityContext restricted() {
    return new SecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withRunAsUser(USER)
        .withRunAsGroup(USER)
        .withReadOnlyRootFilesystem(true)
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .build();
  }

  /** With {@code placement: real}, pods run on nodes of their zone and region. */
  private Affinity affinity(ZoneGroup group) {
    if (placement != Placement.REAL) {
      return null;
    }
    List<NodeSelectorRequirement> terms = new ArrayList<>();
    if (!Instance.ANY.equals(group.region())) {
      terms.add(in(REGION_KEY, group.region()));
    }
    if (!Instance.ANY.equals(group.zone())) {
      terms.add(in(ZONE_KEY, group.zone()));
    }
    if (terms.isEmpty()) {
      return null;
    }
    return new AffinityBuilder()
        .withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution()
        .addNewNodeSelectorTerm()
        .withMatchExpressions(terms)
        .endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution()
        .endNodeAffinity()
        .build();
  }

  private static NodeSelectorRequirement in(String key, String value) {
    return new NodeSelectorRequirementBuilder()
        .withKey(key)
        .withOperator("In")
        .withValues(value)
        .build();
  }
}
