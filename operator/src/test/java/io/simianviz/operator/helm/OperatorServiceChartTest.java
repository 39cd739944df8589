package io.simianviz.operator.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

/** The operator's HTTP port (the live view) on a Service of the chart, and no Ingress. */
class OperatorServiceChartTest {
  private static final String NAME = "simianviz";

  @Test
  void theHttpPortIsOnAClusterIpServiceSelectingTheOperatorPods() {
    RenderedChart chart = HelmChartTest.render("");
    Service service = chart.get(Service.class, NAME);
    Deployment operator = chart.get(Deployment.class, NAME);

    assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
    ServicePort port = service.getSpec().getPorts().getFirst();
    assertThat(port.getPort()).isEqualTo(8080);
    assertThat(port.getTargetPort()).isEqualTo(new IntOrString("http"));
    assertThat(operator.getSpec().getTemplate().getSpec().getContainers().getFirst().getPorts())
        .anySatisfy(p -> assertThat(p.getName()).isEqualTo("http"));
    assertThat(operator.getSpec().getTemplate().getMetadata().getLabels())
        .containsAllEntriesOf(service.getSpec().getSelector());
    assertThat(chart.objects()).noneMatch(o -> "Ingress".equals(o.getKind()));
  }

  @Test
  void theServiceCanBeTurnedOff() {
    RenderedChart chart = HelmChartTest.render("service: {enabled: false}\n");

    assertThat(chart.find(Service.class, NAME)).isEmpty();
  }
}
