package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * In-process access to the mock API server for the simulators and the garbage collector. Writes go
 * through the dispatcher like any request (so watches see them) but are tagged with {@link
 * #USER_AGENT}, never hit injected faults and are left out of the request counters.
 *
 * <p>Thread-safe.
 */
public final class InternalClient {
  /** The user agent of simulator traffic. */
  public static final String USER_AGENT = "srcn-mock-simulator";

  private final ApiDispatcher server;

  /** A client of that dispatcher. */
  public InternalClient(ApiDispatcher server) {
    this.server = server;
  }

  /** The object, read straight from the store. */
  public Optional<ObjectNode> get(ApiResource r, String namespace, String name) {
    return server.read(() -> server.store().find(r, namespace, name)).map(StoredObject::tree);
  }

  /** The objects of a resource in a namespace (all when null) that match the filter. */
  public List<ObjectNode> list(ApiResource r, String namespace, ObjectFilter filter) {
    List<ObjectNode> out = new ArrayList<>();
    for (StoredObject o : server.read(() -> server.store().candidates(r, namespace, filter))) {
      if (filter.test(o)) {
        out.add(o.tree());
      }
    }
    return out;
  }

  /** Creates an object. */
  public ObjectNode create(ApiResource r, String namespace, ObjectNode obj) {
    return call(
        HttpMethod.POST, Paths.collection(r, namespace), "application/json", Json.write(obj));
  }

  /** Replaces an object (or its status when {@code subresource} is "status"). */
  public ObjectNode put(
      ApiResource r, String namespace, String name, String subresource, ObjectNode obj) {
    return call(
        HttpMethod.PUT, path(r, namespace, name, subresource), "application/json", Json.write(obj));
  }

  /** Applies an RFC 7386 merge patch. */
  public ObjectNode mergePatch(
      ApiResource r, String namespace, String name, String subresource, JsonNode patch) {
    return call(
        HttpMethod.PATCH,
        path(r, namespace, name, subresource),
        WriteHandler.MERGE_PATCH,
        Json.write(patch));
  }

  /** Deletes an object; {@code query} is appended as is (e.g. {@code gracePeriodSeconds=0}). */
  public void delete(ApiResource r, String namespace, String name, String query) {
    String path =
        Paths.object(r, namespace, name) + (query == null || query.isEmpty() ? "" : "?" + query);
    call(HttpMethod.DELETE, path, "application/json", "");
  }

  private static String path(ApiResource r, String namespace, String name, String subresource) {
    return subresource == null
        ? Paths.object(r, namespace, name)
        : Paths.subresource(r, namespace, name, subresource);
  }

  private ObjectNode call(HttpMethod method, String path, String contentType, String body) {
    MockResponse response = server.serve(ApiRequest.internal(method, path, contentType, body));
    String text = response.getBody() == null ? "" : response.getBody().readUtf8();
    if (response.code() >= 300) {
      JsonNode status = text.isBlank() ? Json.object() : Json.parse(text);
      throw new ApiException(
          response.code(),
          String.valueOf(Json.text(status, "reason")),
          method + " " + path + ": " + Json.text(status, "message"));
    }
    JsonNode node = text.isBlank() ? Json.object() : Json.parse(text);
    return node.isObject() ? (ObjectNode) node : Json.object();
  }
}
