package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.evolution.TierAutoscale;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.spec.evolution.AutoscaleSpec;

/** examples/evolution/autoscale.yaml in short: node autoscaled 2..12 on 50 requests/s each. */
final class AutoscaleFixtures {
  private AutoscaleFixtures() {}

  static Architecture architecture(String namespace, String window) {
    AutoscaleSpec autoscale = new AutoscaleSpec();
    autoscale.setMin(2);
    autoscale.setMax(12);
    autoscale.setTargetRequestsPerInstance(50.0);
    autoscale.setStabilizationWindow(window);
    TierSpec node = Fixtures.tier("node", "karyon", 2, 1, "db");
    node.setAutoscale(autoscale);
    return Fixtures.architecture(
        namespace,
        "autoscale",
        Fixtures.tier("db", "store", 3, 1),
        node,
        Fixtures.tier("node-elb", "elb", 0, 1, "node"),
        Fixtures.tier("www", "denominator", 0, 0, "node-elb"));
  }

  static String zone(char zone) {
    return "autoscale-node-us-east-1-zone-" + zone;
  }

  static Integer replicas(KubernetesClient client, String namespace, String deployment) {
    Deployment d = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
    return d == null ? null : d.getSpec().getReplicas();
  }

  /** The status' autoscale entry of node, null before there is one. */
  static TierAutoscale node(KubernetesClient client, Architecture architecture) {
    Architecture now = client.resource(architecture).get();
    if (now.getStatus() == null || now.getStatus().getAutoscale() == null) {
      return null;
    }
    return now.getStatus().getAutoscale().stream()
        .filter(e -> "node".equals(e.getTier()))
        .findFirst()
        .orElse(null);
  }
}
