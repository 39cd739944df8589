package io.simianviz.service.pod;

import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.discovery.DnsDiscovery;
import io.simianviz.service.serve.AdminRoutes;
import io.simianviz.service.serve.Nanoservice;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.security.Security;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Pod mode: one instance per JVM, configured by environment variables, finding its dependencies
 * through the per-zone headless Services. Exits non-zero with a one-line message on bad
 * configuration; stops gracefully (deregistering, flushing spans) on SIGTERM.
 */
public final class PodMain {
  private PodMain() {}

  public static void main(String[] args) throws Exception {
    PodSettings settings;
    try {
      settings = PodSettings.fromEnvironment(System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println("simianviz nanoservice: " + e.getMessage());
      System.exit(2);
      return;
    }
    // The JDK caches DNS answers for 30 s by default; pods come and go faster than that.
    Security.setProperty("networkaddress.cache.ttl", "1");
    Security.setProperty("networkaddress.cache.negative.ttl", "1");
    InstanceConfig config = settings.config();
    // One class path: no need for Vert.x to set the context class loader around every event.
    Vertx vertx = Vertx.vertx(new VertxOptions().setDisableTCCL(true));
    DnsDiscovery dns =
        new DnsDiscovery(
            vertx,
            settings.discovery(),
            settings.dependencyPort(),
            settings.dnsInterval(),
            DnsDiscovery.systemResolver());
    ProcessContext process =
        new ProcessContext(vertx, dns, settings.policy(), settings.spans(), settings.sampleRate());
    Nanoservice service =
        dns.refresh()
            .compose(v -> Nanoservice.start(process, config))
            .toCompletionStage()
            .toCompletableFuture()
            .get(30, TimeUnit.SECONDS);
    if (settings.adminPort() > 0) {
      // A port of its own so NetworkPolicies can open the admin endpoints (stats, probes) to the
      // operator without opening the service port.
      AdminRoutes admin = new AdminRoutes(process, service);
      vertx
          .createHttpServer()
          .requestHandler(admin::handle)
          .listen(settings.adminPort(), config.host())
          .toCompletionStage()
          .toCompletableFuture()
          .get(30, TimeUnit.SECONDS);
    }
    if (settings.traffic() != null) {
      ScheduledTraffic.follow(
          vertx,
          settings.traffic(),
          settings.rates(),
          options -> service.startTraffic(options)::rate);
    }
    System.out.println(
        "simianviz nanoservice "
            + config.name()
            + " ("
            + config.pkg().spigoName()
            + ") ready on "
            + service.endpoint().address());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  service
                      .stop()
                      .transform(ar -> process.close())
                      .onComplete(ar -> stopped.countDown());
                  try {
                    stopped.await(10, TimeUnit.SECONDS);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  // Not waited for: Vert.x completes close() on an event loop it has just shut
                  // down, so a callback never runs and the hook would hang for the full timeout
                  // (a container then takes 10 s to stop and is killed).
                  vertx.close();
                }));
  }
}
