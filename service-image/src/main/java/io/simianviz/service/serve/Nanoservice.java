package io.simianviz.service.serve;

import io.simianviz.service.InstanceConfig;
import io.simianviz.service.ProcessContext;
import io.simianviz.service.behaviour.Behaviour;
import io.simianviz.service.call.DependencyClient;
import io.simianviz.service.discovery.Endpoint;
import io.simianviz.service.stats.InstanceMetrics;
import io.simianviz.service.traffic.TrafficSource;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.List;

/**
 * One running instance: its own server on its own address, the behaviour of its package, its calls
 * to dependencies, and the admin endpoints. One listening socket (one per event loop in the local
 * runtime: {@link LoopListeners}) takes everything, as file descriptors count when a JVM runs
 * thousands of instances: gRPC calls ({@link GrpcCalls}), JSON requests on {@code /request} over
 * HTTP/1.1 or HTTP/2 cleartext ({@link JsonCalls}), and the admin routes. Every request is served
 * the same way whatever its protocol ({@link RequestServing}).
 */
public final class Nanoservice {
  public static final String REQUEST_PATH = "/request";

  private final ProcessContext process;
  private final InstanceConfig config;
  private final InstanceMetrics metrics;
  private final DependencyClient client;
  private final RequestServing serving;
  private final JsonCalls json;
  private volatile GrpcCalls grpc;
  private final AdminRoutes admin;
  private LoopListeners listeners;
  private volatile Endpoint endpoint;
  private volatile boolean ready;
  private volatile boolean draining;
  private TrafficSource traffic;

  private Nanoservice(ProcessContext process, InstanceConfig config) {
    this.process = process;
    this.config = config;
    this.metrics = new InstanceMetrics(process.stats(), config);
    this.client =
        new DependencyClient(process, config, Behaviour.zoneAffinity(config.pkg()), metrics);
    Behaviour behaviour = Behaviour.forPackage(process, config, client, this::isSelf);
    this.serving =
        new RequestServing(
            process, config, behaviour, new HopRecorder(process, config, metrics, this::endpoint));
    this.json = new JsonCalls(serving);
    this.admin = new AdminRoutes(process, this);
  }

  /** Starts listening and registers with discovery; completes when it is ready for traffic. */
  public static Future<Nanoservice> start(ProcessContext process, InstanceConfig config) {
    return start(process, config, List.of());
  }

  /**
   * As {@link #start(ProcessContext, InstanceConfig)}, listening once on each of the process's
   * event loops (in order, the caller's among them) so that callers stay on their own ({@link
   * LoopListeners}).
   */
  public static Future<Nanoservice> start(
      ProcessContext process, InstanceConfig config, List<Context> loops) {
    Nanoservice service = new Nanoservice(process, config);
    return LoopListeners.listen(process.vertx(), config, service::onRequest, loops)
        .map(
            listeners -> {
              service.listeners = listeners;
              service.endpoint =
                  new Endpoint(
                      config.name(),
                      config.tier(),
                      config.region(),
                      config.zone(),
                      config.host(),
                      listeners.port(),
                      listeners.loopPorts());
              process.discovery().register(service.endpoint);
              service.ready = true;
              service.healthChanged();
              return service;
            });
  }

  /** Starts this instance's traffic source (denominator tiers); it runs until {@link #stop}. */
  public TrafficSource startTraffic(TrafficSource.Options options) {
    if (traffic != null) {
      throw new IllegalStateException(config.name() + " already sends traffic");
    }
    traffic = TrafficSource.start(process, config, metrics, client, options);
    return traffic;
  }

  /**
   * A graceful stop: leave discovery first so callers move on, tell the gRPC health watchers
   * NOT_SERVING, then close the server.
   */
  public Future<Void> stop() {
    ready = false;
    if (traffic != null) {
      traffic.stop();
    }
    if (endpoint != null) {
      process.discovery().deregister(endpoint);
    }
    return healthChanged().transform(ar -> listeners.close());
  }

  /**
   * The drain before a pod stops: readiness turns false at once (so {@code /health/ready} answers
   * 503 and gRPC health watchers hear NOT_SERVING) while every call that still arrives is answered;
   * completes after {@code wait}, when no caller can still find this instance. Discovery is left
   * alone: on Kubernetes a going pod has already left its Services' endpoints.
   */
  public Future<Void> drain(Duration wait) {
    draining = true;
    healthChanged();
    Promise<Void> waited = Promise.promise();
    process.vertx().setTimer(Math.max(1, wait.toMillis()), id -> waited.complete());
    return waited.future();
  }

  /** An abrupt stop that leaves the registration behind, like a pod killed before its endpoint. */
  public Future<Void> crash() {
    ready = false;
    if (traffic != null) {
      traffic.stop();
    }
    return listeners.close();
  }

  public InstanceConfig config() {
    return config;
  }

  /** This instance's own figures: what its {@code /metrics} serves. */
  public InstanceMetrics metrics() {
    return metrics;
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  /** Listening, registered and not draining. */
  public boolean ready() {
    return ready && !draining;
  }

  public TrafficSource traffic() {
    return traffic;
  }

  /**
   * The calls this instance has open, what a drain waits to see at 0: requests it is serving
   * (arrived, not answered yet), and the requests its traffic source sent that have no outcome yet.
   * A call it makes while serving a request is answered before that request is (a behaviour replies
   * once every call it made has its reply), so the first count holds those.
   */
  public long inFlight() {
    TrafficSource source = traffic;
    return serving.inFlight() + (source == null ? 0 : source.inFlight());
  }

  private boolean isSelf(Endpoint e) {
    Endpoint me = endpoint;
    return e.instance().equals(config.name())
        || (me != null && e.host().equals(me.host()) && e.port() == me.port());
  }

  private void onRequest(HttpServerRequest req) {
    if (GrpcCalls.isGrpc(req)) {
      grpcCalls().handle(req);
    } else if (REQUEST_PATH.equals(req.path())) {
      json.handle(req);
    } else {
      admin.handle(req);
    }
  }

  /** Made on the first gRPC call: most instances of a run never get one. */
  private GrpcCalls grpcCalls() {
    GrpcCalls calls = grpc;
    if (calls == null) {
      synchronized (this) {
        if (grpc == null) {
          grpc = new GrpcCalls(process.vertx(), serving, this::ready);
        }
        calls = grpc;
      }
    }
    return calls;
  }

  /** Tells the gRPC health watchers, if any, that {@link #ready} changed. */
  private Future<Void> healthChanged() {
    GrpcCalls calls = grpc;
    return calls == null ? Future.succeededFuture() : calls.health().changed();
  }

  /** gRPC health Watch calls open on this instance: for tests. */
  int healthWatchers() {
    GrpcCalls calls = grpc;
    return calls == null ? 0 : calls.health().watching();
  }
}
