package io.simianviz.operator;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import io.javaoperatorsdk.operator.OperatorException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailureMessageTest {
  @Test
  void aWorkflowFailureNamesEachDependentWithoutStackTraces() {
    Map<String, Exception> failures = new LinkedHashMap<>();
    failures.put("deployments", new KubernetesClientException("etcd is unavailable"));
    failures.put("services", new IllegalStateException());

    assertThat(
            FailureMessage.of(
                new AggregatedOperatorException(
                    "Exception(s) during workflow execution.", failures)))
        .isEqualTo("deployments: etcd is unavailable; services: IllegalStateException");
  }

  @Test
  void anAggregateWrappedInAnOperatorExceptionIsReadTheSameWay() {
    AggregatedOperatorException aggregate =
        new AggregatedOperatorException(
            "Exception(s) during workflow execution.",
            Map.of("deployments", new KubernetesClientException("forbidden")));

    assertThat(FailureMessage.of(new OperatorException(aggregate)))
        .isEqualTo("deployments: forbidden");
  }

  @Test
  void anyOtherFailureIsItsMessageBounded() {
    assertThat(FailureMessage.of(new IllegalArgumentException("no"))).isEqualTo("no");
    assertThat(FailureMessage.of(new RuntimeException("x".repeat(5000))))
        .hasSize(FailureMessage.MAX_LENGTH)
        .endsWith("...");
  }
}
