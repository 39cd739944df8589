package io.simianviz.operator;

import io.fabric8.kubernetes.api.model.authorization.v1.ResourceRuleBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.quarkus.test.kubernetes.client.KubernetesServer;
import io.simianviz.operator.helm.HelmChartTest;
import java.net.HttpURLConnection;
import java.util.function.Consumer;

/**
 * The one mock API server all operator tests share (Quarkus starts it once, whichever test class
 * names it, so every class must name this same setup): CRUD mode, plus the answer to what CRUD mode
 * cannot give, the SelfSubjectRulesReview JOSDK sends before taking its Lease. It answers with the
 * rules of the chart's leader-election Role, so leader election starts only if the chart grants
 * what JOSDK checks for.
 */
public class MockApiServer implements Consumer<KubernetesServer> {
  @Override
  public void accept(KubernetesServer server) {
    Role role = HelmChartTest.render("").get(Role.class, "simianviz-leader-election");
    SelfSubjectRulesReview review =
        new SelfSubjectRulesReviewBuilder()
            .withNewMetadata()
            .endMetadata()
            .withNewStatus()
            .withIncomplete(false)
            .withResourceRules(
                role.getRules().stream()
                    .map(
                        r ->
                            new ResourceRuleBuilder()
                                .withApiGroups(r.getApiGroups())
                                .withResources(r.getResources())
                                .withResourceNames(r.getResourceNames())
                                .withVerbs(r.getVerbs())
                                .build())
                    .toList())
            .endStatus()
            .build();
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectrulesreviews")
        .andReturn(HttpURLConnection.HTTP_CREATED, review)
        .always();
  }
}
