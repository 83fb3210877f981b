package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.ApiException;
import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.ObjectFilter;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the StatefulSet controller leaves besides pods: a ControllerRevision per pod template
 * ({@code <sts>-<hash>}, labelled with the selector and {@code controller.kubernetes.io/hash},
 * owned by the StatefulSet, {@code revision} one more than the newest; a template that comes back
 * gets its old revision renumbered, as kubernetes pkg/controller/history/controller_history.go
 * does; beyond {@code revisionHistoryLimit} the oldest unused ones are deleted), and the {@code
 * SuccessfulCreate}/{@code SuccessfulDelete} events with the text of
 * pkg/controller/statefulset/stateful_pod_control.go (recordPodEvent).
 *
 * <p>Not thread-safe: used on the simulator thread only.
 */
final class StatefulSetHistory {
  private static final String COMPONENT = "statefulset-controller";

  private final InternalClient client;
  private final ApiResource revisions;
  private final ApiResource events;

  StatefulSetHistory(InternalClient client, ApiResource revisions, ApiResource events) {
    this.client = client;
    this.revisions = revisions;
    this.events = events;
  }

  /** Makes sure the ControllerRevision {@code name} exists and is the newest. */
  void revision(ObjectNode sts, String name) {
    String ns = Json.text(sts, "metadata", "namespace");
    String sel = StatefulSetController.selector(sts);
    List<ObjectNode> mine =
        client.list(revisions, ns, ObjectFilter.labels(sel)).stream()
            .filter(r -> ownedBy(r, sts))
            .toList();
    long newest = 0;
    ObjectNode existing = null;
    for (ObjectNode r : mine) {
      newest = Math.max(newest, r.path("revision").asLong(0));
      if (name.equals(Json.text(r, "metadata", "name"))) {
        existing = r;
      }
    }
    if (existing != null) {
      if (existing.path("revision").asLong(0) < newest) {
        ObjectNode patch = Json.object().put("revision", newest + 1);
        client.mergePatch(revisions, ns, name, null, patch);
      }
      return;
    }
    ObjectNode rev = Json.object();
    rev.put("apiVersion", "apps/v1").put("kind", "ControllerRevision");
    ObjectNode meta = rev.putObject("metadata").put("name", name).put("namespace", ns);
    ObjectNode labels = meta.putObject("labels");
    sts.path("spec")
        .path("selector")
        .path("matchLabels")
        .properties()
        .forEach(e -> labels.set(e.getKey(), e.getValue().deepCopy()));
    labels.put("controller.kubernetes.io/hash", name.substring(name.lastIndexOf('-') + 1));
    meta.putArray("ownerReferences").add(owner(sts));
    ObjectNode template = (ObjectNode) sts.path("spec").path("template").deepCopy();
    template.put("$patch", "replace");
    rev.putObject("data").putObject("spec").set("template", template);
    rev.put("revision", newest + 1);
    try {
      client.create(revisions, ns, rev);
    } catch (ApiException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
    prune(sts, ns, name, mine);
  }

  /**
   * Deletes the oldest revisions beyond {@code spec.revisionHistoryLimit} (default 10), never the
   * current or the update revision (truncateHistory in stateful_set_control.go).
   */
  private void prune(ObjectNode sts, String ns, String update, List<ObjectNode> older) {
    int limit = sts.path("spec").path("revisionHistoryLimit").asInt(10);
    String current = Json.text(sts, "status", "currentRevision");
    List<ObjectNode> candidates =
        older.stream()
            .filter(r -> !update.equals(Json.text(r, "metadata", "name")))
            .filter(r -> !Json.text(r, "metadata", "name").equals(current))
            .sorted(java.util.Comparator.comparingLong(r -> r.path("revision").asLong(0)))
            .toList();
    for (int i = 0; i < candidates.size() - limit; i++) {
      try {
        client.delete(revisions, ns, Json.text(candidates.get(i), "metadata", "name"), null);
      } catch (ApiException e) {
        if (e.code() != 404) {
          throw e;
        }
      }
    }
  }

  /** A Normal event {@code Successful<Verb>} on the StatefulSet for a pod it created or deleted. */
  void podEvent(ObjectNode sts, String verb, String pod) {
    String ns = Json.text(sts, "metadata", "namespace");
    String name = Json.text(sts, "metadata", "name");
    String now = Instant.now().toString();
    ObjectNode e = Json.object();
    e.put("apiVersion", "v1").put("kind", "Event");
    e.putObject("metadata")
        .put("name", name + "." + Long.toHexString(System.nanoTime()))
        .put("namespace", ns);
    e.putObject("involvedObject")
        .put("kind", "StatefulSet")
        .put("namespace", ns)
        .put("name", name)
        .put("uid", Json.text(sts, "metadata", "uid"))
        .put("apiVersion", "apps/v1")
        .put("resourceVersion", Json.text(sts, "metadata", "resourceVersion"));
    e.put("reason", "Successful" + Character.toUpperCase(verb.charAt(0)) + verb.substring(1));
    e.put("message", verb + " Pod " + pod + " in StatefulSet " + name + " successful");
    e.putObject("source").put("component", COMPONENT);
    e.put("firstTimestamp", now).put("lastTimestamp", now).put("count", 1);
    e.put("type", "Normal").put("reportingComponent", COMPONENT).put("reportingInstance", "");
    try {
      client.create(events, ns, e);
    } catch (ApiException ex) {
      // an event that cannot be written is dropped, as the event broadcaster does
    }
  }

  static ObjectNode owner(JsonNode sts) {
    ObjectNode o = Json.object();
    o.put("apiVersion", "apps/v1")
        .put("kind", "StatefulSet")
        .put("name", Json.text(sts, "metadata", "name"))
        .put("uid", Json.text(sts, "metadata", "uid"))
        .put("controller", true)
        .put("blockOwnerDeletion", true);
    return o;
  }

  private static boolean ownedBy(JsonNode obj, JsonNode sts) {
    for (JsonNode ref : obj.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)
          && String.valueOf(Json.text(sts, "metadata", "uid")).equals(Json.text(ref, "uid"))) {
        return true;
      }
    }
    return false;
  }
}
