package io.simianviz.operator.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.Iterator;
import java.util.Map;

/**
 * Server-side apply in front of the fabric8 mock API server, which has none: its PATCH knows JSON
 * patch and merge patch and answers an apply with 415. The operator image is the production build,
 * and {@code quarkus.operator-sdk.enable-ssa} is fixed when Quarkus builds it (a build-and-run-time
 * property: setting it at run time only logs a warning), so the image always applies.
 *
 * <p>This serves an apply the way a real API server does for a single field manager, which the
 * operator is: an object that does not exist is created; an apply that changes nothing writes
 * nothing (no new resourceVersion, no watch event, so the operator's own watches do not wake it
 * again); any other apply replaces the object, or on {@code /status} its status. Field ownership
 * and conflicts between managers are not modelled. Every other request goes to the CRUD server.
 */
public final class ServerSideApplyDispatcher extends Dispatcher {
  private static final String APPLY = "application/apply-patch+yaml";
  private static final String STATUS = "/status";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Dispatcher crud;

  public ServerSideApplyDispatcher(Dispatcher crud) {
    this.crud = crud;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    String type = request.getHeader("Content-Type");
    if (request.method() != HttpMethod.PATCH || type == null || !type.startsWith(APPLY)) {
      return crud.dispatch(request);
    }
    String path = request.getPath().replaceFirst("\\?.*", "");
    boolean status = path.endsWith(STATUS);
    String objectPath = status ? path.substring(0, path.length() - STATUS.length()) : path;
    // The operator's body is JSON, which is YAML too.
    JsonNode applied = parse(request.getBody().readUtf8());

    MockResponse current = crud.dispatch(request(HttpMethod.GET, objectPath, null));
    if (current.code() == HttpURLConnection.HTTP_NOT_FOUND) {
      return status
          ? current
          : crud.dispatch(
              request(HttpMethod.POST, objectPath.replaceFirst("/[^/]+$", ""), applied));
    }
    String storedJson = current.getBody().readUtf8();
    JsonNode stored = parse(storedJson);
    boolean unchanged =
        status ? applied.path("status").equals(stored.path("status")) : contains(stored, applied);
    if (unchanged) {
      return new MockResponse().setResponseCode(HttpURLConnection.HTTP_OK).setBody(storedJson);
    }
    return crud.dispatch(request(HttpMethod.PUT, path, applied));
  }

  /** Whether every field the apply sets has that value already (lists compared whole). */
  static boolean contains(JsonNode stored, JsonNode applied) {
    if (!applied.isObject() || !stored.isObject()) {
      return applied.equals(stored);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = applied.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!stored.has(field.getKey()) || !contains(stored.get(field.getKey()), field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static RecordedRequest request(HttpMethod method, String path, JsonNode body) {
    Buffer buffer = new Buffer();
    if (body != null) {
      buffer.writeUtf8(body.toString());
    }
    Headers headers = Headers.builder().add("Content-Type", "application/json").build();
    return new RecordedRequest("HTTP/1.1", method, path, headers, buffer);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException("not JSON: " + json, e);
    }
  }
}
