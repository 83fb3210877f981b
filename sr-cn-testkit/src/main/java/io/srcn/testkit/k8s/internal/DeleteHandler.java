package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * DELETE of one object or a collection: finalizers, preconditions, dry run, graceful pod
 * termination (pods run by the simulated kubelet get a deletionTimestamp and are removed by it
 * after the termination delay), namespace content removal and ownerReference propagation
 * (Background via the {@link GarbageCollector}, Foreground with the {@code foregroundDeletion}
 * finalizer, Orphan).
 *
 * <p>Thread-safe; callers hold the store's write lock.
 */
final class DeleteHandler {
  static final String FOREGROUND = "foregroundDeletion";

  private final ApiDispatcher server;

  DeleteHandler(ApiDispatcher server) {
    this.server = server;
  }

  MockResponse delete(ApiRequest req, ApiResource r) {
    if (req.subresource() != null) {
      throw ApiException.noSuchResource();
    }
    StoredObject o =
        server
            .store()
            .find(r, req.namespace(), req.name())
            .orElseThrow(() -> ApiException.notFound(r, req.name()));
    return Responses.json(200, deleteOne(r, o, DeleteOptions.of(req)));
  }

  MockResponse deleteCollection(ApiRequest req, ApiResource r) {
    ObjectFilter filter = ObjectFilter.of(req, r);
    DeleteOptions options = DeleteOptions.of(req);
    ArrayNode items = Json.array();
    for (StoredObject o : server.store().list(r, req.namespace())) {
      if (filter.test(o)) {
        items.add(deleteOne(r, o, options));
      }
    }
    ObjectNode list = Json.object();
    list.put("apiVersion", r.groupVersion());
    list.put("kind", r.kind() + "List");
    list.putObject("metadata").put("resourceVersion", String.valueOf(server.resourceVersion()));
    list.set("items", items);
    return Responses.json(200, list);
  }

  private JsonNode deleteOne(ApiResource r, StoredObject o, DeleteOptions options) {
    ObjectNode tree = o.tree();
    checkPreconditions(r, o, tree, options);
    if (server.dryRun() || options.dryRun()) {
      return tree;
    }
    if (r.kind().equals("Pod")
        && r.group().isEmpty()
        && KubeletNames.runsOnMockNode(tree)
        && !isZero(options)) {
      return terminatePod(r, o, tree, options);
    }
    if (r.kind().equals("Namespace") && r.group().isEmpty()) {
      deleteNamespaceContents(o.name());
    }
    String uid = Json.text(tree, "metadata", "uid");
    if (options.propagation().equals("Orphan")) {
      server.garbageCollector().orphan(uid);
    } else if (options.propagation().equals("Foreground")
        && server.garbageCollector().hasDependents(uid)) {
      return markForeground(r, o, tree);
    }
    return removeOrFinalize(r, o, tree);
  }

  private JsonNode terminatePod(
      ApiResource r, StoredObject o, ObjectNode tree, DeleteOptions options) {
    ObjectNode meta = Json.metadata(tree);
    if (meta.hasNonNull("deletionTimestamp")) {
      return tree;
    }
    long grace =
        options.gracePeriodSeconds() != null
            ? options.gracePeriodSeconds()
            : tree.path("spec").path("terminationGracePeriodSeconds").asLong(30);
    meta.put("deletionTimestamp", now().plusSeconds(grace).toString());
    meta.put("deletionGracePeriodSeconds", grace);
    return save(r, o, tree);
  }

  private JsonNode markForeground(ApiResource r, StoredObject o, ObjectNode tree) {
    ObjectNode meta = Json.metadata(tree);
    ArrayNode finalizers = meta.withArray("finalizers");
    boolean present = false;
    for (JsonNode f : finalizers) {
      present |= FOREGROUND.equals(f.asString());
    }
    if (!present) {
      finalizers.add(FOREGROUND);
    }
    if (!meta.hasNonNull("deletionTimestamp")) {
      meta.put("deletionTimestamp", now().toString());
    }
    JsonNode saved = save(r, o, tree);
    server
        .garbageCollector()
        .foreground(r, o.namespace(), o.name(), Json.text(tree, "metadata", "uid"));
    return saved;
  }

  /** Removes the object, or only marks it for deletion while finalizers remain. */
  JsonNode removeOrFinalize(ApiResource r, StoredObject o, ObjectNode tree) {
    ObjectNode meta = Json.metadata(tree);
    if (meta.path("finalizers").isArray() && !meta.path("finalizers").isEmpty()) {
      if (meta.hasNonNull("deletionTimestamp")) {
        return tree;
      }
      meta.put("deletionTimestamp", now().toString());
      return save(r, o, tree);
    }
    server.persist(Paths.object(r, o.namespace(), o.name()), o, null);
    return tree;
  }

  private void deleteNamespaceContents(String namespace) {
    List<StoredObject> contents = new ArrayList<>();
    for (StoredObject o : server.store().all()) {
      if (namespace.equals(o.namespace())) {
        contents.add(o);
      }
    }
    for (StoredObject o : contents) {
      ApiResource r = server.resourceOf(o);
      if (r != null && r.namespaced()) {
        server.persist(Paths.object(r, o.namespace(), o.name()), o, null);
      }
    }
  }

  private JsonNode save(ApiResource r, StoredObject o, ObjectNode tree) {
    Json.metadata(tree).put("resourceVersion", String.valueOf(server.requestResourceVersion()));
    server.persist(Paths.object(r, o.namespace(), o.name()), o, Json.write(tree));
    return tree;
  }

  private static void checkPreconditions(
      ApiResource r, StoredObject o, JsonNode tree, DeleteOptions options) {
    String uid = Json.text(tree, "metadata", "uid");
    String rv = Json.text(tree, "metadata", "resourceVersion");
    if (options.uid() != null && !options.uid().equals(uid)) {
      throw ApiException.conflict(
          r,
          o.name(),
          "Precondition failed: UID in precondition: "
              + options.uid()
              + ", UID in object meta: "
              + uid);
    }
    if (options.resourceVersion() != null && !options.resourceVersion().equals(rv)) {
      throw ApiException.conflict(
          r,
          o.name(),
          "Precondition failed: ResourceVersion in precondition: "
              + options.resourceVersion()
              + ", ResourceVersion in object meta: "
              + rv);
    }
  }

  private static boolean isZero(DeleteOptions options) {
    return options.gracePeriodSeconds() != null && options.gracePeriodSeconds() == 0;
  }

  static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS);
  }
}
