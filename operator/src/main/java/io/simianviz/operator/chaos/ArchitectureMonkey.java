package io.simianviz.operator.chaos;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.simianviz.api.v1alpha1.Architecture;
import io.simianviz.api.v1alpha1.ArchitectureStatus;
import io.simianviz.api.v1alpha1.ChaosSummary;
import io.simianviz.model.Defaults;
import io.simianviz.model.chaos.ChaosDecision;
import io.simianviz.model.chaos.ChaosGuard;
import io.simianviz.model.chaos.ChaosKind;
import io.simianviz.model.chaos.VictimSelector;
import io.simianviz.model.spec.ArchitectureSpec;
import io.simianviz.model.topology.Instance;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The periodic chaos monkey of {@code spec.chaos.monkey}: once per interval, one ready pod of the
 * victim tier, chosen by the model's {@link VictimSelector} under the architecture's guards, is
 * deleted (in a dry run, only named in an event).
 *
 * <p>It runs inside the Architecture's reconcile, which asks JOSDK to come back when the next
 * strike is due: a pod delete is one short API call, and the Architecture's status (where the last
 * kill time is kept, so a restarted operator does not strike twice in one interval) then has one
 * writer.
 */
@ApplicationScoped
public class ArchitectureMonkey {
  private final ChaosActions actions;
  private final Clock clock;

  /**
   * This process's last strike (kill, refusal or dry run) per namespace/name: refusals and dry runs
   * change no status, and without this every reconcile in the interval would try again. A restart
   * forgets them, which at worst repeats one refusal event; kills are in the status.
   */
  private final Map<String, Instant> lastAttempts = new ConcurrentHashMap<>();

  public ArchitectureMonkey(ChaosActions actions, Clock clock) {
    this.actions = actions;
    this.clock = clock;
  }

  /**
   * Strikes when due, recording a kill in {@code status.chaos}.
   *
   * @param status the status being written (its chaos section is replaced, never mutated)
   * @return when the next strike is due; empty when the architecture has no periodic monkey
   */
  public Optional<Duration> run(
      Architecture architecture,
      ArchitectureInstances instances,
      ArchitectureStatus status,
      KubernetesClient client) {
    ArchitectureSpec spec = architecture.getSpec();
    String key =
        architecture.getMetadata().getNamespace() + "/" + architecture.getMetadata().getName();
    String victim = Defaults.monkeyVictim(spec);
    Optional<Duration> interval = MonkeySchedule.interval(spec);
    if (victim == null || interval.isEmpty()) {
      lastAttempts.remove(key);
      return Optional.empty();
    }
    Instant now = clock.instant();
    Duration wait =
        MonkeySchedule.untilDue(interval.get(), lastKill(status), lastAttempts.get(key), now);
    if (wait.isPositive()) {
      return Optional.of(wait);
    }
    ChaosDecision decision =
        new VictimSelector(ChaosGuard.of(spec))
            .monkey(victim, instances.up(), instances.all().size(), ThreadLocalRandom.current());
    // Kills too: a reconcile that reads a status cached before the last kill's patch landed must
    // not strike again.
    lastAttempts.put(key, now);
    switch (decision) {
      case ChaosDecision.Refused refused -> {
        actions.record(
            ChaosKind.MONKEY,
            ChaosActions.Action.REFUSE,
            true,
            "ChaosRefused",
            "chaos monkey on tier " + victim + " refused: " + refused.reason(),
            architecture);
      }
      case ChaosDecision.Strike strike -> {
        Instance pod = strike.victims().getFirst();
        if (Boolean.TRUE.equals(spec.getChaos().getDryRun())) {
          actions.record(
              ChaosKind.MONKEY,
              ChaosActions.Action.DRY_RUN,
              false,
              "ChaosDryRun",
              "dry run: the chaos monkey would delete pod " + describe(pod),
              architecture);
        } else {
          client
              .pods()
              .inNamespace(architecture.getMetadata().getNamespace())
              .withName(pod.name())
              .delete();
          status.setChaos(killed(status.getChaos(), pod.name(), now));
          actions.record(
              ChaosKind.MONKEY,
              ChaosActions.Action.KILL,
              false,
              "ChaosMonkeyKill",
              "the chaos monkey deleted pod " + describe(pod),
              architecture);
        }
      }
    }
    return interval;
  }

  private static Instant lastKill(ArchitectureStatus status) {
    ChaosSummary chaos = status.getChaos();
    return chaos == null || chaos.getLastKillTime() == null
        ? null
        : Instant.parse(chaos.getLastKillTime());
  }

  private static ChaosSummary killed(ChaosSummary previous, String pod, Instant now) {
    ChaosSummary summary = new ChaosSummary();
    long kills = previous == null || previous.getKills() == null ? 0 : previous.getKills();
    summary.setKills(kills + 1);
    summary.setLastVictim(pod);
    summary.setLastKillTime(now.toString());
    return summary;
  }

  private static String describe(Instance pod) {
    return pod.name() + " (tier " + pod.tier() + ", " + pod.region() + "/" + pod.zone() + ")";
  }
}
