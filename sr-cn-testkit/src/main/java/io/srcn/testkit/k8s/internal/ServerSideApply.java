package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side apply ({@code PATCH application/apply-patch+yaml}): creates the object when absent;
 * otherwise merges the applied configuration into it (maps merge; keyed lists such as containers,
 * env, ports and volumes merge by key; finalizers as a set; other lists and scalars replace) and
 * keeps {@code metadata.managedFields}: a field another manager owns with a different value is a
 * 409 conflict unless {@code force=true} (which takes it over), and a field this manager applied
 * before but no longer sends is removed unless someone else owns it (then defaults apply, so a
 * dropped {@code spec.replicas} becomes 1, as on a real server).
 *
 * <p>Not modelled: list-map keys with several fields (one key per list), atomic/granular schema
 * markers beyond the built-in table, ownership of status fields, and apply of unknown fields (there
 * is no schema: anything is accepted).
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
    String manager =
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
    Json.metadata(applied).remove("managedFields");
    Optional<StoredObject> current = server.store().find(r, req.namespace(), req.name());
    if (current.isEmpty()) {
      if (req.subresource() != null) {
        throw ApiException.notFound(r, req.name());
      }
      ManagedFields owners = ManagedFields.empty(r.groupVersion());
      owners.recordApply(manager, FieldPaths.leaves(applied, !r.hasStatus()).keySet());
      ObjectNode created = applied.deepCopy();
      owners.writeTo(created);
      return writes.createObject(r, ns, created);
    }
    ObjectNode live = current.get().tree();
    if ("status".equals(req.subresource())) {
      live.set("status", StrategicMergePatch.apply(live.path("status"), applied.path("status")));
      return writes.replace(req, r, current.get(), live, false);
    }
    return writes.replace(req, r, current.get(), merge(req, r, manager, live, applied), false);
  }

  private ObjectNode merge(
      ApiRequest req, ApiResource r, String manager, ObjectNode live, ObjectNode applied) {
    boolean withStatus = !r.hasStatus();
    ManagedFields owners = ManagedFields.of(live);
    Map<String, JsonNode> appliedLeaves = FieldPaths.leaves(applied, withStatus);
    Map<String, JsonNode> liveLeaves = FieldPaths.leaves(live, withStatus);
    boolean force = req.param("force").map(Boolean::parseBoolean).orElse(false);
    List<String> conflicts = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : appliedLeaves.entrySet()) {
      JsonNode liveValue = liveLeaves.get(e.getKey());
      Set<String> others = owners.otherOwners(manager, e.getKey());
      if (liveValue != null && !liveValue.equals(e.getValue()) && !others.isEmpty()) {
        if (force) {
          owners.takeFromOthers(manager, e.getKey());
        } else {
          conflicts.add(
              "conflict with \""
                  + String.join("\", \"", others)
                  + "\" using "
                  + r.groupVersion()
                  + ": "
                  + FieldPaths.display(e.getKey()));
        }
      }
    }
    if (!conflicts.isEmpty()) {
      throw new ApiException(
          409,
          "Conflict",
          "Apply failed with "
              + conflicts.size()
              + (conflicts.size() == 1 ? " conflict: " : " conflicts: ")
              + String.join("\n", conflicts));
    }
    ObjectNode merged = (ObjectNode) StrategicMergePatch.apply(live, applied);
    for (String dropped : owners.applied(manager)) {
      if (!appliedLeaves.containsKey(dropped) && !owners.ownedByOthers(manager, dropped)) {
        FieldPaths.remove(merged, dropped);
      }
    }
    owners.recordApply(manager, appliedLeaves.keySet());
    owners.writeTo(merged);
    return merged;
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
