package io.simianviz.local.run;

import io.simianviz.model.topology.Instance;
import io.simianviz.service.discovery.Discovery;
import io.simianviz.service.serve.Nanoservice;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * What chaos does to a local run's instances: a kill (the chaos monkey), replaced after a delay as
 * a Deployment would replace its pod, and a halt until a restart (an experiment's outage). Either
 * way the instance stops at once and leaves discovery a moment later, as a pod's endpoint does.
 */
public final class InstanceOutages {
  /** How long a stopped instance stays in discovery. */
  private static final long DEREGISTER_AFTER_MILLIS = 1000;

  private final Vertx vertx;
  private final Discovery discovery;
  private final RunInstances instances;
  private final LiveWiring live;
  private final RunClock clock;
  private final Consumer<String> events;
  private final Duration replaceAfter;
  private final BooleanSupplier trafficOver;
  private final Map<String, Nanoservice> halted = new ConcurrentHashMap<>();

  /**
   * @param events console lines
   * @param replaceAfter how long after a kill its replacement starts
   * @param trafficOver whether the traffic stopped (then a kill is not replaced)
   */
  public InstanceOutages(
      Vertx vertx,
      Discovery discovery,
      RunInstances instances,
      LiveWiring live,
      RunClock clock,
      Consumer<String> events,
      Duration replaceAfter,
      BooleanSupplier trafficOver) {
    this.vertx = vertx;
    this.discovery = discovery;
    this.instances = instances;
    this.live = live;
    this.clock = clock;
    this.events = events;
    this.replaceAfter = replaceAfter;
    this.trafficOver = trafficOver;
  }

  /**
   * Kills an instance abruptly; it leaves discovery a moment later and comes back later still.
   *
   * @return when the replacement was up (milliseconds on the run's clock); it fails when there is
   *     none: the victim was not running, the traffic stopped first, or it could not start
   */
  public Future<Long> kill(Instance victim) {
    Nanoservice s = instances.takeRunning(victim.name());
    if (s == null) {
      return Future.failedFuture(victim.name() + " is not running");
    }
    events.accept(
        String.format(
            "%6.1fs chaos monkey killed %s", clock.elapsedMillis() / 1000.0, victim.name()));
    live.killedByMonkey(victim.name());
    // The graph keeps one node per instance name, as spigo's viewer expects; the kill and the
    // replacement are recorded in summary.json.
    s.crash();
    vertx.setTimer(DEREGISTER_AFTER_MILLIS, id -> discovery.deregister(s.endpoint()));
    Promise<Long> replaced = Promise.promise();
    vertx.setTimer(Math.max(1, replaceAfter.toMillis()), id -> replace(victim, s, replaced));
    return replaced.future();
  }

  private void replace(Instance victim, Nanoservice killed, Promise<Long> replaced) {
    if (trafficOver.getAsBoolean()) {
      replaced.fail("the traffic stopped before " + victim.name() + " was replaced");
      return;
    }
    if (instances.running(victim.name()) != null || instances.instance(victim.name()) == null) {
      // An evolution step started its successor meanwhile, or removed it: nothing to do.
      replaced.complete(clock.elapsedMillis());
      return;
    }
    live.starting(victim.name());
    instances
        .launch(victim, killed.config())
        .onComplete(
            r -> {
              long at = clock.elapsedMillis();
              if (r.succeeded()) {
                events.accept(String.format("%6.1fs replaced %s", at / 1000.0, victim.name()));
                live.replaced(victim.name());
                replaced.complete(at);
              } else {
                events.accept(
                    String.format(
                        "%6.1fs could not replace %s: %s",
                        at / 1000.0, victim.name(), r.cause().getMessage()));
                live.notReplaced(victim.name());
                replaced.fail(r.cause());
              }
            });
  }

  /**
   * Stops an instance abruptly until {@link #restart}, as a zone's power going out; it leaves
   * discovery a moment later (the future completes then).
   */
  public Future<Void> halt(Instance victim) {
    Nanoservice s = instances.takeRunning(victim.name());
    if (s == null) {
      return Future.failedFuture(victim.name() + " is not running");
    }
    halted.put(victim.name(), s);
    live.halted(victim.name());
    Promise<Void> gone = Promise.promise();
    s.crash()
        .onComplete(
            closed ->
                vertx.setTimer(
                    DEREGISTER_AFTER_MILLIS,
                    id -> {
                      discovery.deregister(s.endpoint());
                      gone.complete();
                    }));
    return gone.future();
  }

  /** Starts a halted instance again, as its Deployment scaled back up; completes once it serves. */
  public Future<Void> restart(Instance victim) {
    Nanoservice s = halted.remove(victim.name());
    if (s == null) {
      return Future.failedFuture(victim.name() + " was not halted");
    }
    return instances.launch(victim, s.config()).mapEmpty();
  }
}
