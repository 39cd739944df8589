package io.simianviz.service;

import io.vertx.core.json.JsonObject;

/** The answer to one request: an HTTP-style status and a JSON body. 5xx statuses are errors. */
public record Reply(int status, JsonObject body) {
  public static final int OK = 200;
  public static final int BAD_REQUEST = 400;
  public static final int INJECTED_ERROR = 500;
  public static final int DEPENDENCY_FAILED = 502;
  public static final int NO_INSTANCE = 503;
  public static final int TIMEOUT = 504;
  public static final int LOOP_DETECTED = 508;

  public static Reply ok(JsonObject body) {
    return new Reply(OK, body);
  }

  public static Reply error(int status, String message) {
    return new Reply(status, new JsonObject().put("error", message));
  }

  public boolean isError() {
    return status >= 500;
  }

  public boolean found() {
    return body.getBoolean("found", false);
  }

  public String value() {
    return body.getString("value");
  }

  public String errorMessage() {
    return body.getString("error", "status " + status);
  }
}
