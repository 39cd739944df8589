package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.simianviz.api.manifest.ArchitectureManifests;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.spec.TierSpec;
import java.net.HttpURLConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Architectures for the operator tests, each in a namespace of its own. */
final class Fixtures {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();

  private Fixtures() {}

  /** A namespace no other test uses (the mock API server is shared by the test classes). */
  static String namespace(String prefix) {
    return prefix + "-" + NAMESPACES.incrementAndGet();
  }

  static TierSpec tier(String name, String pkg, int count, int regions, String... dependencies) {
    TierSpec tier = new TierSpec();
    tier.setName(name);
    tier.setPackageName(pkg);
    tier.setCount(count);
    tier.setRegions(regions);
    tier.setDependencies(new ArrayList<>(List.of(dependencies)));
    return tier;
  }

  static Architecture architecture(String namespace, String name, TierSpec... tiers) {
    ArchitectureSpec spec = new ArchitectureSpec();
    spec.setServices(new ArrayList<>(List.of(tiers)));
    Architecture architecture = new Architecture();
    architecture.setMetadata(
        new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    architecture.setSpec(spec);
    return architecture;
  }

  /** examples/lamp.yaml with fewer webservers: 23 instances would not say more. */
  static Architecture lamp(String namespace) {
    return architecture(
        namespace,
        "lamp",
        tier("rds-mysql", "store", 2, 1),
        tier("memcache", "store", 1, 1),
        tier("webserver", "monolith", 6, 1, "memcache", "rds-mysql"),
        tier("webserver-elb", "elb", 0, 1, "webserver"),
        tier("www", "denominator", 0, 0, "webserver-elb"));
  }

  /**
   * Reads the Architecture, changes its spec and writes it back with a PUT, again when the operator
   * wrote the status in between (409 Conflict).
   */
  static Architecture updateSpec(
      KubernetesClient client, Architecture architecture, Consumer<ArchitectureSpec> change) {
    return writeBack(client, architecture, current -> change.accept(current.getSpec()));
  }

  /** Replaces the Architecture's spec with {@code spec}, as {@link #updateSpec} writes it. */
  static Architecture replaceSpec(
      KubernetesClient client, Architecture architecture, ArchitectureSpec spec) {
    return writeBack(client, architecture, current -> current.setSpec(spec));
  }

  private static Architecture writeBack(
      KubernetesClient client, Architecture architecture, Consumer<Architecture> change) {
    for (int attempt = 1; ; attempt++) {
      Architecture current = client.resource(architecture).get();
      change.accept(current);
      try {
        return client.resource(current).update();
      } catch (KubernetesClientException e) {
        if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == 5) {
          throw e;
        }
      }
    }
  }

  static TierSpec tierNamed(ArchitectureSpec spec, String name) {
    return spec.getServices().stream()
        .filter(t -> t.getName().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** What the builders make for the Architecture as the API server has it now. */
  static List<HasMetadata> expectedObjects(
      KubernetesClient client, Architecture architecture, OperatorConfig config) {
    return ArchitectureManifests.build(
        client.resource(architecture).get(), config.manifestOptions());
  }
}
