package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side apply ({@code PATCH application/apply-patch+yaml}): creates the object when absent,
 * otherwise merges the applied configuration into it with RFC 7386 semantics (maps merge, lists and
 * scalars replace, {@code null} removes).
 *
 * <p>Not modelled: field ownership ({@code metadata.managedFields}), conflicts between managers
 * ({@code force} is accepted and ignored), list-map keys (lists replace as a whole), and removal of
 * fields a manager stops applying (they keep their last value).
 *
 * <p>Thread-safe; callers hold the store's write lock.
 */
final class ServerSideApply {
  private final ApiDispatcher server;
  private final WriteHandler writes;

  ServerSideApply(ApiDispatcher server, WriteHandler writes) {
    this.server = server;
    this.writes = writes;
  }

  MockResponse apply(ApiRequest req, ApiResource r) {
    req.param("fieldManager")
        .filter(m -> !m.isEmpty())
        .orElseThrow(
            () ->
                ApiException.badRequest(
                    "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: is required for apply patch"));
    ObjectNode applied = WriteHandler.objectBody(Json.parseYaml(req.body()));
    WriteHandler.checkType(applied, r);
    checkName(req, r, applied);
    String ns = WriteHandler.namespaceOf(req, r, applied);
    Optional<StoredObject> current = server.store().find(r, req.namespace(), req.name());
    if (current.isEmpty()) {
      if (req.subresource() != null) {
        throw ApiException.notFound(r, req.name());
      }
      Json.metadata(applied).remove("managedFields");
      return writes.createObject(r, ns, applied);
    }
    ObjectNode live = current.get().tree();
    ObjectNode merged;
    if ("status".equals(req.subresource())) {
      merged = live;
      JsonNode status = MergePatch.apply(live.path("status"), applied.path("status"));
      merged.set("status", status);
    } else {
      Json.metadata(applied).remove("managedFields");
      merged = (ObjectNode) MergePatch.apply(live, applied);
    }
    return writes.replace(req, r, current.get(), merged);
  }

  private static void checkName(ApiRequest req, ApiResource r, ObjectNode applied) {
    String name = Json.text(applied, "metadata", "name");
    if (name == null || name.isEmpty()) {
      throw new ApiException(
          422,
          "Invalid",
          r.kind() + " \"\" is invalid: metadata.name: Required value: name is required");
    }
    if (!name.equals(req.name())) {
      throw ApiException.badRequest(
          "the name of the object ("
              + name
              + ") does not match the name on the URL ("
              + req.name()
              + ")");
    }
  }
}
