package io.simianviz.model.evolution;

import java.util.List;
import java.util.Optional;

/**
 * One step of a transition plan. Instances to start are the target version's (its spec says how
 * they run); instances to drain and stop are the running version's.
 */
public sealed interface Action {
  /**
   * Start instances of a tier and register them once they listen.
   *
   * @param dependencies the tiers they call, as the target version lists them
   * @param why what the instances are for: a new tier, a new region, a scale-up, a replacement
   */
  record StartInstances(
      String tier, List<InstanceRef> instances, List<String> dependencies, String why)
      implements Action {
    public StartInstances {
      instances = List.copyOf(instances);
      dependencies = List.copyOf(dependencies);
    }
  }

  /** Wait until every one of these instances is ready to serve (registered and answering). */
  record AwaitReady(List<InstanceRef> instances) implements Action {
    public AwaitReady {
      instances = List.copyOf(instances);
    }
  }

  /** The running instances of {@code tier} call {@code newDependencies} from now on. */
  record Repoint(String tier, List<String> oldDependencies, List<String> newDependencies)
      implements Action {
    public Repoint {
      oldDependencies = List.copyOf(oldDependencies);
      newDependencies = List.copyOf(newDependencies);
    }
  }

  /**
   * Replace each of {@code instances} by one of the same name at the target version and settings,
   * at most {@code maxSurge} extra and {@code maxUnavailable} missing at a time, optionally after a
   * canary.
   *
   * @param fromVersion the running version, null for none
   * @param toVersion the target version, null for none
   * @param changed the settings that differ besides the version (serviceTime, errorRate, ...)
   */
  record Roll(
      String tier,
      List<InstanceRef> instances,
      String fromVersion,
      String toVersion,
      List<String> changed,
      int maxSurge,
      int maxUnavailable,
      Optional<CanaryPolicy> canary)
      implements Action {
    public Roll {
      instances = List.copyOf(instances);
      changed = List.copyOf(changed);
    }
  }

  /**
   * Take these instances out of discovery so that they get no new calls, and wait until the calls
   * they are serving have finished.
   */
  record Drain(String tier, List<InstanceRef> instances, String why) implements Action {
    public Drain {
      instances = List.copyOf(instances);
    }
  }

  /** Stop drained instances. */
  record Stop(String tier, List<InstanceRef> instances) implements Action {
    public Stop {
      instances = List.copyOf(instances);
    }
  }

  /**
   * Apply settings that move no instance: top-level fields (traffic, chaos, ...) and tiers'
   * rollout, canary and autoscale policies, named as paths into the spec.
   */
  record Reconfigure(List<String> settings) implements Action {
    public Reconfigure {
      settings = List.copyOf(settings);
    }
  }
}
