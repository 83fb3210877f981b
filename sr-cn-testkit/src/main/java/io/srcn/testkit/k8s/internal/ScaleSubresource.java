package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code /scale} subresource ({@code autoscaling/v1 Scale}) of StatefulSets, Deployments,
 * ReplicaSets and ReplicationControllers: read, replace and patch (any patch type), each writing
 * {@code spec.replicas} of the owner.
 *
 * <p>Stateless and thread-safe; callers hold the store's write lock for writes.
 */
final class ScaleSubresource {
  private ScaleSubresource() {}

  /** The Scale view of an object. */
  static ObjectNode toScale(ObjectNode obj) {
    ObjectNode scale = Json.object();
    scale.put("apiVersion", "autoscaling/v1");
    scale.put("kind", "Scale");
    ObjectNode meta = scale.putObject("metadata");
    for (String f :
        new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
      String v = Json.text(obj, "metadata", f);
      if (v != null) {
        meta.put(f, v);
      }
    }
    scale.putObject("spec").put("replicas", obj.path("spec").path("replicas").asInt(0));
    ObjectNode status = scale.putObject("status");
    status.put("replicas", obj.path("status").path("replicas").asInt(0));
    status.put("selector", Selectors.toString(obj.path("spec").path("selector")));
    return scale;
  }

  static MockResponse update(
      ApiDispatcher server, WriteHandler writes, ApiRequest req, ApiResource r) {
    checkScalable(r);
    StoredObject current = writes.current(req, r);
    return write(server, req, r, current, WriteHandler.objectBody(Json.parse(req.body())));
  }

  static MockResponse patch(
      ApiDispatcher server, WriteHandler writes, ApiRequest req, ApiResource r, String type) {
    checkScalable(r);
    StoredObject current = writes.current(req, r);
    ObjectNode scale = toScale(current.tree());
    JsonNode patched;
    if (type.equals(WriteHandler.APPLY_PATCH)) {
      patched = MergePatch.apply(scale, Json.parseYaml(req.body()));
    } else {
      patched = WriteHandler.patchDocument(type, scale, req.body());
    }
    return write(server, req, r, current, WriteHandler.objectBody(patched));
  }

  private static MockResponse write(
      ApiDispatcher server, ApiRequest req, ApiResource r, StoredObject current, ObjectNode scale) {
    JsonNode replicas = scale.path("spec").path("replicas");
    if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
      throw ApiException.invalid(
          r, current.name(), "spec.replicas: Invalid value: must be a non-negative integer");
    }
    ObjectNode obj = current.tree();
    String rv = Json.text(scale, "metadata", "resourceVersion");
    if (rv != null && !rv.equals(Json.text(obj, "metadata", "resourceVersion"))) {
      throw ApiException.conflict(
          r,
          current.name(),
          "the object has been modified; please apply your changes to the latest version and try again");
    }
    ObjectNode before = obj.deepCopy();
    Json.with(obj, "spec").put("replicas", replicas.asInt());
    ManagedFields owners = ManagedFields.of(before);
    owners.recordUpdate(
        ManagedFields.managerOf(req),
        FieldPaths.leaves(before, !r.hasStatus()),
        FieldPaths.leaves(obj, !r.hasStatus()));
    owners.writeTo(obj);
    MockResponse response =
        WriteHandler.fix(
            server.parentUpdate(Paths.object(r, current.namespace(), current.name()), obj));
    if (response.code() != 200) {
      return response;
    }
    ObjectNode updated = (ObjectNode) Json.parse(response.getBody().readUtf8());
    return Responses.json(200, toScale(updated));
  }

  private static void checkScalable(ApiResource r) {
    if (!r.hasScale()) {
      throw ApiException.noSuchResource();
    }
  }
}
