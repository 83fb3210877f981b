package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Requests to a version of a resource that does not store its objects (autoscaling/v1 HPAs,
 * events.k8s.io Events): the body is converted to the storage version, the request served there,
 * and the answer converted back, as the API server's codecs do around one storage. A patch is
 * applied to the object as the client's version shows it, under the store lock, then written as a
 * replace; an apply configuration is converted as it is (without implicit defaults). Watches
 * convert every event (see {@link WatchHub}).
 *
 * <p>Thread-safe; writes run under the dispatcher's store lock.
 */
final class VersionedRequests {
  private final ApiDispatcher server;

  VersionedRequests(ApiDispatcher server) {
    this.server = server;
  }

  MockResponse serve(ApiRequest req, ApiResource view, ApiResource storage) {
    switch (req.verb()) {
      case "watch":
        return server.watches().open(toStorage(req, view, storage), storage, view);
      case "create":
      case "update":
        {
          ObjectNode obj = WriteHandler.objectBody(Json.parse(req.body()));
          WriteHandler.checkType(obj, view);
          String body = Json.write(Conversions.toStorage(obj, view, storage, false));
          return answer(
              server.direct(
                  retarget(req, view, storage, req.method(), "application/json", body), storage),
              view,
              storage);
        }
      case "patch":
        return answer(server.write(req, () -> patch(req, view, storage)), view, storage);
      default:
        return answer(server.direct(toStorage(req, view, storage), storage), view, storage);
    }
  }

  /** The request as the storage version would receive it (reads, deletes, watches). */
  ApiRequest toStorage(ApiRequest req, ApiResource view, ApiResource storage) {
    return retarget(req, view, storage, req.method(), req.contentType(), req.body());
  }

  private MockResponse patch(ApiRequest req, ApiResource view, ApiResource storage) {
    String type = WriteHandler.mediaType(req.contentType());
    if (type.equals(WriteHandler.APPLY_PATCH)) {
      ObjectNode applied = WriteHandler.objectBody(Json.parseYaml(req.body()));
      WriteHandler.checkType(applied, view);
      String body = Json.write(Conversions.toStorage(applied, view, storage, true));
      return server.direct(retarget(req, view, storage, req.method(), type, body), storage);
    }
    StoredObject current =
        server
            .store()
            .find(storage, req.namespace(), req.name())
            .orElseThrow(() -> ApiException.notFound(view, req.name()));
    JsonNode patched =
        WriteHandler.patchDocument(
            type, Conversions.toView(current.tree(), view, storage), req.body());
    ObjectNode obj = WriteHandler.objectBody(patched);
    WriteHandler.checkType(obj, view);
    String body = Json.write(Conversions.toStorage(obj, view, storage, false));
    return server.direct(
        retarget(req, view, storage, HttpMethod.PUT, "application/json", body), storage);
  }

  private static ApiRequest retarget(
      ApiRequest req,
      ApiResource view,
      ApiResource storage,
      HttpMethod method,
      String contentType,
      String body) {
    Map<String, String> query = new LinkedHashMap<>(req.query());
    if (view.kind().equals("Event") && query.containsKey("fieldSelector")) {
      query.put("fieldSelector", EventConversion.fieldSelectorToCore(query.get("fieldSelector")));
    }
    return req.retarget(storage, method, contentType, body, query);
  }

  private static MockResponse answer(MockResponse response, ApiResource view, ApiResource storage) {
    if (response.code() >= 300 || response.getBody() == null) {
      return response;
    }
    String body = response.getBody().readUtf8();
    return response.setBody(Conversions.responseToView(body, view, storage));
  }
}
