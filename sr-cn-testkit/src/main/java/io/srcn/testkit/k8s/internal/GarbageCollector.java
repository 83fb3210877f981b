package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ownerReference garbage collector: when an owner disappears from the store, its dependents are
 * deleted in the background (or only lose the dangling reference when another owner remains);
 * foreground deletion deletes dependents first and then removes the owner's {@code
 * foregroundDeletion} finalizer; orphaning removes the references.
 *
 * <p>Thread-safe; collection runs on the controllers' executor.
 */
final class GarbageCollector {
  private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);
  private static final long RETRY_MS = 20;

  private final ApiDispatcher server;
  private final InternalClient client;
  private final ScheduledExecutorService executor;

  GarbageCollector(ApiDispatcher server, ScheduledExecutorService executor) {
    this.server = server;
    this.client = new InternalClient(server);
    this.executor = executor;
  }

  /** Store-change hook: schedules collection of a removed owner's dependents. */
  void onChange(StoreChange change) {
    if (change.removed() && !executor.isShutdown()) {
      String uid = Json.text(Json.parse(change.before()), "metadata", "uid");
      if (uid != null) {
        executor.execute(() -> collect(uid));
      }
    }
  }

  /** Whether any stored object names that owner (callers hold the lock). */
  boolean hasDependents(String uid) {
    return !dependents(uid).isEmpty();
  }

  /** Removes references to the owner from every dependent (callers hold the write lock). */
  void orphan(String uid) {
    for (StoredObject dep : dependents(uid)) {
      ApiResource r = server.resourceOf(dep);
      ObjectNode tree = dep.tree();
      withoutOwner(tree, uid);
      Json.metadata(tree).put("resourceVersion", String.valueOf(server.requestResourceVersion()));
      server.persist(Paths.object(r, dep.namespace(), dep.name()), dep, Json.write(tree));
    }
  }

  /** Deletes the owner's dependents, then lets the owner go by removing its finalizer. */
  void foreground(ApiResource r, String namespace, String name, String uid) {
    executor.execute(() -> foregroundStep(r, namespace, name, uid, true));
  }

  private void foregroundStep(
      ApiResource r, String namespace, String name, String uid, boolean first) {
    try {
      List<StoredObject> deps = server.read(() -> dependents(uid));
      if (first) {
        for (StoredObject dep : deps) {
          deleteDependent(dep, "propagationPolicy=Foreground");
        }
      }
      if (!deps.isEmpty()) {
        executor.schedule(
            () -> foregroundStep(r, namespace, name, uid, false), RETRY_MS, TimeUnit.MILLISECONDS);
        return;
      }
      client
          .get(r, namespace, name)
          .ifPresent(
              owner -> {
                ArrayNode kept = Json.array();
                for (JsonNode f : owner.path("metadata").path("finalizers")) {
                  if (!DeleteHandler.FOREGROUND.equals(f.asString())) {
                    kept.add(f);
                  }
                }
                Json.metadata(owner).set("finalizers", kept);
                client.put(r, namespace, name, null, owner);
              });
    } catch (RuntimeException e) {
      retry(e, () -> foregroundStep(r, namespace, name, uid, false));
    }
  }

  private void collect(String ownerUid) {
    try {
      for (StoredObject dep : server.read(() -> dependents(ownerUid))) {
        ObjectNode tree = dep.tree();
        if (hasLiveOwnerOtherThan(tree, ownerUid)) {
          withoutOwner(tree, ownerUid);
          client.put(server.resourceOf(dep), dep.namespace(), dep.name(), null, tree);
        } else {
          deleteDependent(dep, "propagationPolicy=Background");
        }
      }
    } catch (RuntimeException e) {
      retry(e, () -> collect(ownerUid));
    }
  }

  private void deleteDependent(StoredObject dep, String query) {
    ApiResource r = server.resourceOf(dep);
    try {
      client.delete(r, dep.namespace(), dep.name(), query);
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  private void retry(RuntimeException e, Runnable again) {
    LOG.debug("garbage collection will retry: {}", e.toString());
    if (!executor.isShutdown()) {
      executor.schedule(again, RETRY_MS, TimeUnit.MILLISECONDS);
    }
  }

  private boolean hasLiveOwnerOtherThan(JsonNode tree, String uid) {
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      String other = Json.text(ref, "uid");
      if (other != null && !other.equals(uid) && server.read(() -> exists(other))) {
        return true;
      }
    }
    return false;
  }

  private boolean exists(String uid) {
    for (StoredObject o : server.store().all()) {
      if (o.json().contains(uid) && uid.equals(Json.text(o.tree(), "metadata", "uid"))) {
        return true;
      }
    }
    return false;
  }

  private List<StoredObject> dependents(String uid) {
    List<StoredObject> out = new ArrayList<>();
    for (StoredObject o : server.store().all()) {
      if (o.json().contains(uid) && server.resourceOf(o) != null && ownedBy(o.tree(), uid)) {
        out.add(o);
      }
    }
    return out;
  }

  private static boolean ownedBy(JsonNode tree, String uid) {
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      if (uid.equals(Json.text(ref, "uid"))) {
        return true;
      }
    }
    return false;
  }

  private static void withoutOwner(ObjectNode tree, String uid) {
    ArrayNode kept = Json.array();
    for (JsonNode ref : tree.path("metadata").path("ownerReferences")) {
      if (!uid.equals(Json.text(ref, "uid"))) {
        kept.add(ref);
      }
    }
    if (kept.isEmpty()) {
      Json.metadata(tree).remove("ownerReferences");
    } else {
      Json.metadata(tree).set("ownerReferences", kept);
    }
  }
}
