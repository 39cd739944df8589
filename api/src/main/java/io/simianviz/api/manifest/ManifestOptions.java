package io.simianviz.api.manifest;

import io.simianviz.model.DnsNames;
import java.util.List;

/**
 * Settings of the rendering that are not part of an Architecture: where the operator runs and which
 * nanoservice image and ports the pods use.
 *
 * @param image the nanoservice image for tiers that do not name their own
 * @param operatorNamespace namespace whose pods may reach every pod's admin port through the
 *     NetworkPolicies (the operator reads /stats and runs segmentation probes from there)
 * @param servicePort the port every nanoservice serves requests on
 * @param adminPort the port of /health, /stats, /metrics and the segmentation probe
 * @param scrapeNamespaces more namespaces whose pods may reach the admin port, e.g. where a
 *     Prometheus scrapes /metrics from
 * @param hpaCpuUtilization when set, each autoscaled tier's Deployments get a
 *     HorizontalPodAutoscaler on CPU with this average utilization target (percent of the pods' CPU
 *     request) and no replicas of their own; null: no HPA, the replicas are the tier's
 */
public record ManifestOptions(
    String image,
    String operatorNamespace,
    int servicePort,
    int adminPort,
    List<String> scrapeNamespaces,
    Integer hpaCpuUtilization) {
  public static final String IMAGE_REPOSITORY = "simianviz/nanoservice";
  public static final String DEFAULT_OPERATOR_NAMESPACE = "simianviz-system";
  public static final int DEFAULT_SERVICE_PORT = 8080;
  public static final int DEFAULT_ADMIN_PORT = 8081;

  public ManifestOptions(String image, String operatorNamespace, int servicePort, int adminPort) {
    this(image, operatorNamespace, servicePort, adminPort, List.of(), null);
  }

  public ManifestOptions {
    scrapeNamespaces = List.copyOf(scrapeNamespaces);
    if (scrapeNamespaces.stream().anyMatch(n -> !DnsNames.isLabel(n))) {
      throw new IllegalArgumentException(
          "scrape namespaces must be namespace names (was " + scrapeNamespaces + ")");
    }
    if (image == null || image.isBlank()) {
      throw new IllegalArgumentException("image must not be empty");
    }
    if (operatorNamespace == null || operatorNamespace.isBlank()) {
      throw new IllegalArgumentException("operatorNamespace must not be empty");
    }
    if (hpaCpuUtilization != null && (hpaCpuUtilization < 1 || hpaCpuUtilization > 1000)) {
      throw new IllegalArgumentException(
          "hpaCpuUtilization must be 1..1000 percent (was " + hpaCpuUtilization + ")");
    }
    checkPort("servicePort", servicePort);
    checkPort("adminPort", adminPort);
    if (servicePort == adminPort) {
      throw new IllegalArgumentException(
          "servicePort and adminPort must differ (both " + servicePort + ")");
    }
  }

  /** The defaults for a release: image {@code simianviz/nanoservice:<version>}. */
  public static ManifestOptions defaults(String version) {
    return new ManifestOptions(
        IMAGE_REPOSITORY + ":" + version,
        DEFAULT_OPERATOR_NAMESPACE,
        DEFAULT_SERVICE_PORT,
        DEFAULT_ADMIN_PORT);
  }

  public ManifestOptions withImage(String newImage) {
    return new ManifestOptions(
        newImage, operatorNamespace, servicePort, adminPort, scrapeNamespaces, hpaCpuUtilization);
  }

  public ManifestOptions withOperatorNamespace(String namespace) {
    return new ManifestOptions(
        image, namespace, servicePort, adminPort, scrapeNamespaces, hpaCpuUtilization);
  }

  public ManifestOptions withScrapeNamespaces(List<String> namespaces) {
    return new ManifestOptions(
        image, operatorNamespace, servicePort, adminPort, namespaces, hpaCpuUtilization);
  }

  /** With HPAs on CPU for the autoscaled tiers (percent of the CPU request), or none (null). */
  public ManifestOptions withHpaCpuUtilization(Integer percent) {
    return new ManifestOptions(
        image, operatorNamespace, servicePort, adminPort, scrapeNamespaces, percent);
  }

  private static void checkPort(String what, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(what + " must be 1..65535 (was " + port + ")");
    }
  }
}
