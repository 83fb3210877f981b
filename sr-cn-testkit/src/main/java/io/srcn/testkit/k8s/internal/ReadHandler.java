package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * GET of one object, lists with label and field selectors, and watches filtered by the same
 * selectors.
 *
 * <p>Thread-safe; reads run under the store's shared lock.
 */
final class ReadHandler {
  private final ApiDispatcher server;

  ReadHandler(ApiDispatcher server) {
    this.server = server;
  }

  MockResponse get(ApiRequest req, ApiResource r) {
    StoredObject o =
        server
            .store()
            .find(r, req.namespace(), req.name())
            .orElseThrow(() -> ApiException.notFound(r, req.name()));
    if (req.subresource() == null && Tables.wanted(req)) {
      return Responses.json(
          200,
          Tables.of(
              r, List.of(o.tree()), server.resourceVersion(), req.query().get("includeObject")));
    }
    if (req.subresource() == null || req.subresource().equals("status")) {
      return Responses.json(200, o.json());
    }
    if (req.subresource().equals("scale") && r.hasScale()) {
      return Responses.json(200, ScaleSubresource.toScale(o.tree()));
    }
    throw ApiException.noSuchResource();
  }

  MockResponse list(ApiRequest req, ApiResource r) {
    ObjectFilter filter = ObjectFilter.of(req, r);
    Paging paging = Paging.of(req, server.resourceVersion());
    List<StoredObject> found =
        server
            .store()
            .page(
                r,
                req.namespace(),
                filter,
                paging.start(),
                paging.limit() + Math.min(1, paging.limit()));
    boolean more = paging.full(found.size() - 1);
    List<String> items = new ArrayList<>();
    String lastKey = null;
    for (StoredObject o : more ? found.subList(0, found.size() - 1) : found) {
      items.add(o.json());
      lastKey = Paging.key(o);
    }
    if (Tables.wanted(req)) {
      List<JsonNode> trees = new ArrayList<>();
      items.forEach(json -> trees.add(Json.parse(json)));
      return Responses.json(
          200, Tables.of(r, trees, server.resourceVersion(), req.query().get("includeObject")));
    }
    String body =
        "{\"apiVersion\":\""
            + r.groupVersion()
            + "\",\"kind\":\""
            + r.kind()
            + "List\",\"metadata\":{\"resourceVersion\":\""
            + paging.resourceVersion()
            + "\""
            + (more ? ",\"continue\":\"" + paging.next(lastKey) + "\"" : "")
            + "},\"items\":["
            + String.join(",", items)
            + "]}";
    return Responses.json(200, body);
  }
}
