package io.simianviz.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.simianviz.api.io.ArchitectureFiles;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.model.DnsNames;
import io.simianviz.model.pod.PodDrain;
import io.simianviz.model.spec.Protocol;
import io.simianviz.model.spec.SegmentationSpec;
import io.simianviz.model.spec.TierSpec;
import io.simianviz.model.topology.ExpansionOptions;
import io.simianviz.model.topology.Instance;
import io.simianviz.model.topology.TopologyExpander;
import io.simianviz.model.validation.InvalidArchitectureException;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchitectureManifestsTest {
  static final ManifestOptions OPTIONS = ManifestOptions.defaults("0.1.0");

  static Architecture example(String file) throws IOException {
    return ArchitectureFiles.read(ManifestGoldenTest.repositoryRoot().resolve("examples/" + file))
        .architecture();
  }

  static <T> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  static String tierOf(HasMetadata object) {
    return object.getMetadata().getLabels().get(ManifestLabels.TIER);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"netflixoss.yaml", "netflixoss-multiregion.yaml", "lamp.yaml", "riak.yaml"})
  void replicasOfEachTierSumToItsExpandedInstancesOneDeploymentPerZone(String file)
      throws IOException {
    Architecture arch = example(file);
    List<Deployment> deployments =
        ofKind(ArchitectureManifests.build(arch, OPTIONS), Deployment.class);
    Map<String, Integer> replicas =
        deployments.stream()
            .collect(
                Collectors.groupingBy(
                    ArchitectureManifestsTest::tierOf,
                    Collectors.summingInt(d -> d.getSpec().getReplicas())));
    List<Instance> instances =
        TopologyExpander.expand(arch.getMetadata().getName(), arch.getSpec(), ExpansionOptions.NONE)
            .instances();
    Map<String, Integer> expected =
        instances.stream()
            .filter(i -> !i.pkg().spigoName().equals("elb"))
            .collect(
                Collectors.groupingBy(
                    i -> ResourceNames.tier(i.tier()), Collectors.summingInt(i -> 1)));
    assertThat(replicas).isEqualTo(expected);
    long zones =
        instances.stream()
            .filter(i -> !i.pkg().spigoName().equals("elb"))
            .map(i -> i.tier() + "/" + i.region() + "/" + i.zone())
            .distinct()
            .count();
    assertThat(deployments).hasSize((int) zones);
  }

  @Test
  void netflixossReplicaCountsAreTheSpecsCounts() throws IOException {
    Map<String, Integer> replicas =
        ofKind(ArchitectureManifests.build(example("netflixoss.yaml"), OPTIONS), Deployment.class)
            .stream()
            .collect(
                Collectors.groupingBy(
                    ArchitectureManifestsTest::tierOf,
                    Collectors.summingInt(d -> d.getSpec().getReplicas())));
    assertThat(replicas)
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "cass-subscriber", 6,
                "evcache-subscriber", 3,
                "subscriber", 6,
                "login", 18,
                "homepage", 24,
                "wwwproxy", 6,
                "www", 1));
  }

  @Test
  void elbTiersAreServicesOnlyAndEurekaTiersAreNotDeployed() throws IOException {
    Architecture arch = example("netflixoss.yaml");
    var eureka = new TierSpec();
    eureka.setName("discovery");
    eureka.setPackageName("eureka");
    eureka.setCount(3);
    arch.getSpec().getServices().add(eureka);
    List<HasMetadata> objects = ArchitectureManifests.build(arch, OPTIONS);
    assertThat(objects).noneMatch(o -> "www-elb".equals(tierOf(o)) && !(o instanceof Service));
    assertThat(objects).noneMatch(o -> "discovery".equals(tierOf(o)));
    List<Service> elb =
        ofKind(objects, Service.class).stream().filter(s -> "www-elb".equals(tierOf(s))).toList();
    assertThat(elb)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.getMetadata().getName()).isEqualTo("netflixoss-www-elb");
              assertThat(s.getSpec().getSelector())
                  .containsExactlyInAnyOrderEntriesOf(
                      Map.of(
                          ManifestLabels.ARCHITECTURE,
                          "netflixoss",
                          ManifestLabels.TIER,
                          "wwwproxy"));
            });
    assertThat(ofKind(objects, Deployment.class))
        .filteredOn(d -> tierOf(d).equals("www"))
        .singleElement()
        .satisfies(
            d ->
                assertThat(env(d))
                    .containsEntry("SIMIANVIZ_DEPENDENCIES", "www-elb=elb:http")
                    .containsEntry("SIMIANVIZ_TRAFFIC_RATE", "100")
                    .containsEntry("SIMIANVIZ_DISCOVERY", "www-elb/*/*=netflixoss-www-elb"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"netflixoss-multiregion.yaml", "lamp.yaml", "riak.yaml"})
  void everyPodMeetsTheRestrictedStandardWithRequestsAndLimits(String file) throws IOException {
    for (Deployment d :
        ofKind(ArchitectureManifests.build(example(file), OPTIONS), Deployment.class)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      String where = d.getMetadata().getName();
      assertThat(pod.getSecurityContext().getRunAsNonRoot()).as(where).isTrue();
      assertThat(pod.getSecurityContext().getSeccompProfile().getType())
          .isEqualTo("RuntimeDefault");
      assertThat(pod.getAutomountServiceAccountToken()).isFalse();
      assertThat(pod.getServiceAccountName())
          .isEqualTo(d.getMetadata().getLabels().get(ManifestLabels.PART_OF) + "-nanoservice");
      assertThat(pod.getContainers()).isNotEmpty();
      for (Container c : pod.getContainers()) {
        var sc = c.getSecurityContext();
        assertThat(sc.getRunAsNonRoot()).as(where).isTrue();
        assertThat(sc.getRunAsUser()).isEqualTo(10001L);
        assertThat(sc.getReadOnlyRootFilesystem()).isTrue();
        assertThat(sc.getAllowPrivilegeEscalation()).isFalse();
        assertThat(sc.getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(sc.getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(sc.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(c.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(c.getResources().getLimits()).containsKeys("cpu", "memory");
        c.getResources()
            .getRequests()
            .forEach(
                (resource, request) ->
                    assertThat(request.getNumericalAmount())
                        .isLessThanOrEqualTo(
                            c.getResources().getLimits().get(resource).getNumericalAmount()));
        assertThat(c.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
        assertThat(c.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/tmp"));
      }
    }
  }

  /**
   * A going pod is drained before it stops: the preStop hook waits out endpoint propagation on the
   * admin port, and the grace period covers that wait and the stop after it.
   */
  @Test
  void everyPodIsDrainedBeforeItStopsWithinItsGracePeriod() throws IOException {
    for (Deployment d :
        ofKind(ArchitectureManifests.build(example("lamp.yaml"), OPTIONS), Deployment.class)) {
      PodSpec pod = d.getSpec().getTemplate().getSpec();
      var preStop = pod.getContainers().getFirst().getLifecycle().getPreStop().getHttpGet();
      assertThat(preStop.getPath()).isEqualTo(PodDrain.PATH);
      assertThat(preStop.getPort().getStrVal()).isEqualTo(NanoservicePod.ADMIN_PORT_NAME);
      assertThat(pod.getTerminationGracePeriodSeconds())
          .as("grace period longer than the drain wait plus the stop's 10 s")
          .isGreaterThan(PodDrain.DEFAULT_SECONDS + 10L);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"netflixoss-multiregion.yaml", "riak.yaml"})
  void everyNameIsAShortDnsLabelUniquePerKindAndEveryPodCarriesTheLabels(String file)
      throws IOException {
    List<HasMetadata> objects = ArchitectureManifests.build(example(file), OPTIONS);
    Set<String> seen = new HashSet<>();
    for (HasMetadata o : objects) {
      String name = o.getMetadata().getName();
      assertThat(DnsNames.isLabel(name)).as(name).isTrue();
      assertThat(seen.add(o.getKind() + "/" + name)).as("duplicate " + name).isTrue();
      o.getMetadata()
          .getLabels()
          .values()
          .forEach(v -> assertThat(ResourceNames.labelValue(v)).isEqualTo(v));
      assertThat(o.getMetadata().getLabels()).containsEntry(ManifestLabels.MANAGED_BY, "simianviz");
    }
    for (Deployment d : ofKind(objects, Deployment.class)) {
      assertThat(d.getSpec().getTemplate().getMetadata().getLabels())
          .containsKeys(
              ManifestLabels.NAME,
              ManifestLabels.PART_OF,
              ManifestLabels.MANAGED_BY,
              ManifestLabels.ARCHITECTURE,
              ManifestLabels.TIER,
              ManifestLabels.PACKAGE,
              ManifestLabels.REGION,
              ManifestLabels.ZONE)
          .containsAllEntriesOf(d.getSpec().getSelector().getMatchLabels());
    }
  }

  @Test
  void aGrpcTierIsReadyByKubernetesGrpcProbeOnItsServicePortOtherTiersByHttp() throws IOException {
    Architecture arch = example("lamp-protocols.yaml");
    Map<String, Protocol> protocols =
        arch.getSpec().getServices().stream()
            .collect(Collectors.toMap(TierSpec::getName, Protocol::of));
    Set<Protocol> seen = new HashSet<>();
    for (Deployment d : ofKind(ArchitectureManifests.build(arch, OPTIONS), Deployment.class)) {
      Protocol protocol = protocols.get(tierOf(d));
      seen.add(protocol);
      Container c = d.getSpec().getTemplate().getSpec().getContainers().get(0);
      Probe readiness = c.getReadinessProbe();
      if (protocol == Protocol.GRPC) {
        assertThat(readiness.getGrpc().getPort()).isEqualTo(OPTIONS.servicePort());
        assertThat(readiness.getGrpc().getService()).isNull();
        assertThat(readiness.getHttpGet()).isNull();
      } else {
        assertThat(readiness.getGrpc()).as(tierOf(d)).isNull();
        assertThat(readiness.getHttpGet().getPath()).isEqualTo("/health/ready");
        assertThat(readiness.getHttpGet().getPort().getStrVal()).isEqualTo("admin");
      }
      assertThat(readiness.getPeriodSeconds()).isEqualTo(5);
      assertThat(c.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/health/live");
      assertThat(c.getLivenessProbe().getGrpc()).isNull();
    }
    assertThat(seen).contains(Protocol.GRPC, Protocol.HTTP);
  }

  @Test
  void segmentationDisabledRendersNoPolicies() throws IOException {
    Architecture arch = example("netflixoss.yaml");
    assertThat(ofKind(ArchitectureManifests.build(arch, OPTIONS), NetworkPolicy.class)).hasSize(8);
    SegmentationSpec off = new SegmentationSpec();
    off.setEnabled(false);
    arch.getSpec().setSegmentation(off);
    assertThat(ofKind(ArchitectureManifests.build(arch, OPTIONS), NetworkPolicy.class)).isEmpty();
  }

  @Test
  void renderingIsStableAndPutsEveryObjectInTheArchitecturesNamespace() throws IOException {
    Architecture arch = example("lamp.yaml");
    assertThat(ArchitectureManifests.build(arch, OPTIONS))
        .allMatch(o -> o.getMetadata().getNamespace() == null);
    arch.getMetadata().setNamespace("demo");
    List<HasMetadata> objects = ArchitectureManifests.build(arch, OPTIONS);
    assertThat(objects).allMatch(o -> "demo".equals(o.getMetadata().getNamespace()));
    assertThat(ManifestYaml.write(objects))
        .isEqualTo(ManifestYaml.write(ArchitectureManifests.build(arch, OPTIONS)));
    assertThat(objects.stream().map(HasMetadata::getKind).distinct())
        .containsExactly("ServiceAccount", "NetworkPolicy", "Service", "Deployment");
    assertThat(objects)
        .allMatch(
            o ->
                o.getMetadata().getOwnerReferences() == null
                    || o.getMetadata().getOwnerReferences().isEmpty());
  }

  @Test
  void anInvalidSpecIsRejectedWithTheValidatorsProblems() throws IOException {
    Architecture arch = example("lamp.yaml");
    arch.getSpec().getServices().get(0).setPackageName("nosuch");
    assertThatThrownBy(() -> ArchitectureManifests.build(arch, OPTIONS))
        .isInstanceOf(InvalidArchitectureException.class)
        .hasMessageContaining("unknown package \"nosuch\"");
  }

  static Map<String, String> env(Deployment d) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getValue() != null)
        .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue()));
  }
}
