package io.simianviz.service;

import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;

/**
 * Vert.x's JSON codec for the nanoservice: Jackson's streaming parser and generator. Without it
 * Vert.x picks its databind codec because jackson-databind is on the class path (the api module
 * needs it), which builds an ObjectMapper at start: about 500 more classes loaded, 4 MB more
 * resident memory per pod and a slower start, for POJO mapping the nanoservice never does.
 */
public final class StreamingJsonFactory implements JsonFactory {
  private static final JsonCodec CODEC = new JacksonCodec();

  /** Lower than Vert.x's own factory ({@code Integer.MAX_VALUE}), so this one is chosen. */
  @Override
  public int order() {
    return 0;
  }

  @Override
  public JsonCodec codec() {
    return CODEC;
  }
}
