package io.simianviz.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The Lease QOSDK takes before any controller starts, so two operator replicas never reconcile the
 * same Architecture. QOSDK asks for this bean only in the profiles of {@code
 * quarkus.operator-sdk.activate-leader-election-for-profiles} (prod by default); {@code
 * simianviz.operator.leader-election=false} turns it off there too (one replica, no Lease RBAC).
 */
public class LeaderElection {
  @Produces
  @Dependent
  LeaderElectionConfiguration leaderElection(OperatorConfig config) {
    // A @Dependent producer may return null; QOSDK then runs without leader election.
    if (!config.leaderElection()) {
      return null;
    }
    return new LeaderElectionConfiguration(
        config.leaseName(),
        config.namespace(),
        LeaderElectionConfiguration.LEASE_DURATION_DEFAULT_VALUE,
        LeaderElectionConfiguration.RENEW_DEADLINE_DEFAULT_VALUE,
        LeaderElectionConfiguration.RETRY_PERIOD_DEFAULT_VALUE,
        null,
        null,
        config.exitWhenLeadershipLost());
  }
}
