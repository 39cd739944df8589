package io.simianviz.api.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ManifestOptionsTest {
  @Test
  void defaultsNameTheReleasedImage() {
    ManifestOptions options = ManifestOptions.defaults("1.2.3");
    assertThat(options.image()).isEqualTo("simianviz/nanoservice:1.2.3");
    assertThat(options.operatorNamespace()).isEqualTo("simianviz-system");
    assertThat(options.servicePort()).isEqualTo(8080);
    assertThat(options.adminPort()).isEqualTo(8081);
    assertThat(options.withImage("x/y:z").image()).isEqualTo("x/y:z");
  }

  @Test
  void rejectsClashingOrInvalidPorts() {
    assertThatThrownBy(() -> new ManifestOptions("i", "ns", 8080, 8080))
        .hasMessage("servicePort and adminPort must differ (both 8080)");
    assertThatThrownBy(() -> new ManifestOptions("i", "ns", 0, 8081))
        .hasMessage("servicePort must be 1..65535 (was 0)");
    assertThatThrownBy(() -> new ManifestOptions("", "ns", 8080, 8081))
        .hasMessage("image must not be empty");
  }

  @Test
  void anHpaTargetIsAPercentageAndSurvivesTheOtherSettings() {
    ManifestOptions hpa = ManifestOptions.defaults("1").withHpaCpuUtilization(70);
    assertThat(hpa.withImage("x").withOperatorNamespace("o").hpaCpuUtilization()).isEqualTo(70);
    assertThat(ManifestOptions.defaults("1").hpaCpuUtilization()).isNull();
    assertThatThrownBy(() -> hpa.withHpaCpuUtilization(0))
        .hasMessage("hpaCpuUtilization must be 1..1000 percent (was 0)");
  }

  @Test
  void zipkinPortComesFromTheUrl() {
    assertThat(SegmentationPolicies.zipkinPort("http://zipkin:9411/api/v2/spans")).isEqualTo(9411);
    assertThat(SegmentationPolicies.zipkinPort("https://traces.example/api")).isEqualTo(443);
    assertThat(SegmentationPolicies.zipkinPort("http://traces.example/api")).isEqualTo(80);
    assertThat(SegmentationPolicies.zipkinPort("")).isNull();
    assertThat(SegmentationPolicies.zipkinPort(null)).isNull();
  }
}
