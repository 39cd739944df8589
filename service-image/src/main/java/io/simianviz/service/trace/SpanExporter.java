package io.simianviz.service.trace;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Ships finished spans in batches without ever making a request wait: spans go into a bounded queue
 * (a full queue drops and counts), and a timer drains it to a Zipkin v2 endpoint and/or a file that
 * stays one JSON array, plus spigo-style flow lines when asked for. All output happens on one
 * Vert.x context, so batches stay in order without locks.
 */
public final class SpanExporter {
  /**
   * Where spans go.
   *
   * @param file Zipkin v2 JSON array output, or null
   * @param flowFile spigo flow lines output, or null
   * @param zipkinEndpoint e.g. http://zipkin:9411/api/v2/spans, or null
   */
  public record Options(
      Path file,
      Path flowFile,
      String zipkinEndpoint,
      int capacity,
      int batchSize,
      Duration interval) {
    public static Options none() {
      return new Options(null, null, null, 1, 1, Duration.ofSeconds(1));
    }

    public static Options toFile(Path file) {
      return new Options(file, null, null, 100_000, 1_000, Duration.ofMillis(200));
    }

    boolean enabled() {
      return file != null || flowFile != null || zipkinEndpoint != null;
    }
  }

  private final Options options;
  private final HttpClient client;
  private final Context context;
  private final ArrayBlockingQueue<Span> queue;
  private final AtomicLong exported = new AtomicLong();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failedBatches = new AtomicLong();
  private final long timerId;
  private Future<AsyncFile> spanFile;
  private Future<AsyncFile> flowFile;
  private boolean firstSpan = true;
  private Future<Void> tail = Future.succeededFuture();

  public SpanExporter(Vertx vertx, HttpClient client, Options options) {
    this.options = options;
    this.client = client;
    this.context = vertx.getOrCreateContext();
    this.queue = new ArrayBlockingQueue<>(Math.max(1, options.capacity()));
    OpenOptions create = new OpenOptions().setWrite(true).setCreate(true).setTruncateExisting(true);
    if (options.file() != null) {
      spanFile =
          vertx
              .fileSystem()
              .open(options.file().toString(), create)
              .compose(f -> f.write(Buffer.buffer("[\n")).map(f));
    }
    if (options.flowFile() != null) {
      flowFile = vertx.fileSystem().open(options.flowFile().toString(), create);
    }
    timerId =
        options.enabled()
            ? vertx.setPeriodic(Math.max(1, options.interval().toMillis()), id -> flush())
            : -1;
  }

  public boolean enabled() {
    return options.enabled();
  }

  /** Queues a span; false (and counted) when the queue is full. */
  public boolean offer(Span span) {
    if (!options.enabled()) {
      return false;
    }
    if (queue.offer(span)) {
      return true;
    }
    dropped.incrementAndGet();
    return false;
  }

  /** Writes everything queued so far; completes when it is written or sent. */
  public Future<Void> flush() {
    Promise<Void> done = Promise.promise();
    context.runOnContext(
        v -> {
          while (!queue.isEmpty()) {
            List<Span> batch = new ArrayList<>(options.batchSize());
            queue.drainTo(batch, options.batchSize());
            tail = tail.transform(ignored -> export(batch));
          }
          tail.onComplete(ar -> done.complete());
        });
    return done.future();
  }

  /**
   * Flushes, closes the files (the span file becomes a complete JSON array) and stops the timer.
   */
  public Future<Void> close() {
    if (timerId >= 0) {
      context.owner().cancelTimer(timerId);
    }
    return flush()
        .compose(
            v -> {
              List<Future<Void>> closing = new ArrayList<>();
              if (spanFile != null) {
                closing.add(
                    spanFile.compose(f -> f.write(Buffer.buffer("\n]\n")).compose(x -> f.close())));
              }
              if (flowFile != null) {
                closing.add(flowFile.compose(AsyncFile::close));
              }
              return Future.join(closing).mapEmpty();
            });
  }

  public long exported() {
    return exported.get();
  }

  public long dropped() {
    return dropped.get();
  }

  public long failedBatches() {
    return failedBatches.get();
  }

  private Future<Void> export(List<Span> batch) {
    List<Future<Void>> writes = new ArrayList<>();
    if (spanFile != null) {
      Buffer buf = Buffer.buffer();
      for (Span span : batch) {
        buf.appendString(firstSpan ? "" : ",\n").appendString(span.toZipkinJson().encode());
        firstSpan = false;
      }
      writes.add(spanFile.compose(f -> f.write(buf)));
    }
    if (flowFile != null) {
      Buffer buf = Buffer.buffer();
      batch.forEach(s -> buf.appendString(s.flowLine()).appendString("\n"));
      writes.add(flowFile.compose(f -> f.write(buf)));
    }
    if (options.zipkinEndpoint() != null) {
      writes.add(post(batch));
    }
    return Future.join(writes)
        .transform(
            ar -> {
              if (ar.succeeded()) {
                exported.addAndGet(batch.size());
              } else {
                failedBatches.incrementAndGet();
              }
              return Future.succeededFuture();
            });
  }

  private Future<Void> post(List<Span> batch) {
    JsonArray array = new JsonArray();
    batch.forEach(s -> array.add(s.toZipkinJson()));
    URI uri = URI.create(options.zipkinEndpoint());
    RequestOptions request =
        new RequestOptions()
            .setMethod(HttpMethod.POST)
            .setAbsoluteURI(uri.toString())
            .putHeader("content-type", "application/json")
            .setIdleTimeout(5_000);
    return client
        .request(request)
        .compose(r -> r.send(array.toBuffer()))
        .compose(
            resp ->
                resp.statusCode() / 100 == 2
                    ? resp.body().<Void>mapEmpty()
                    : Future.failedFuture("zipkin answered " + resp.statusCode()));
  }
}
