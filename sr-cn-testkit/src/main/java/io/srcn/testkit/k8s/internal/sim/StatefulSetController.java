package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.ApiException;
import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.ObjectFilter;
import io.srcn.testkit.k8s.internal.PodNames;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated StatefulSet controller: creates missing ordinals (Parallel: all at once;
 * OrderedReady: one at a time once the previous ones are Running and Ready), terminates ordinals at
 * or beyond {@code spec.replicas} highest first, rolls outdated pods highest ordinal first
 * (respecting the RollingUpdate partition; OnDelete never rolls) and writes a true status.
 *
 * <p>Runs on the controllers' single thread only.
 */
final class StatefulSetController {
  private final InternalClient client;
  private final ApiResource statefulSets;
  private final ApiResource pods;
  private final SimSettings settings;
  private final WorkQueue queue;
  private final StatefulSetHistory history;

  StatefulSetController(
      InternalClient client,
      ApiResource statefulSets,
      ApiResource pods,
      SimSettings settings,
      ScheduledExecutorService executor,
      StatefulSetHistory history) {
    this.client = client;
    this.history = history;
    this.statefulSets = statefulSets;
    this.pods = pods;
    this.settings = settings;
    this.queue = new WorkQueue(executor, this::sync);
  }

  void enqueue(String stsKey) {
    queue.add(stsKey);
  }

  private void sync(String key) {
    if (settings.frozen()) {
      return;
    }
    String ns = PodNames.namespaceOf(key);
    String name = PodNames.nameOf(key);
    Optional<ObjectNode> found = client.get(statefulSets, ns, name);
    if (found.isEmpty() || PodStatus.isTerminating(found.get())) {
      return;
    }
    ObjectNode sts = found.get();
    int replicas = sts.path("spec").path("replicas").asInt(1);
    String revision = Revisions.of(name, sts.path("spec").path("template"));
    String selector = selector(sts);
    history.revision(sts, revision);
    Map<Integer, ObjectNode> byOrdinal = podsOf(ns, name, selector);
    boolean parallel = "Parallel".equals(Json.text(sts, "spec", "podManagementPolicy"));
    boolean changed = createMissing(sts, ns, name, replicas, revision, byOrdinal, parallel);
    changed |= condemn(sts, ns, replicas, byOrdinal, parallel);
    if (!changed) {
      roll(sts, ns, replicas, revision, byOrdinal);
    }
    writeStatus(sts, ns, name, replicas, revision, podsOf(ns, name, selector));
  }

  private boolean createMissing(
      ObjectNode sts,
      String ns,
      String name,
      int replicas,
      String revision,
      Map<Integer, ObjectNode> pods,
      boolean parallel) {
    boolean created = false;
    for (int i = 0; i < replicas; i++) {
      ObjectNode pod = pods.get(i);
      if (pod == null) {
        create(sts, ns, name, i, revision);
        created = true;
        if (!parallel) {
          return true;
        }
      } else if (!parallel && !(PodStatus.isReady(pod) && !PodStatus.isTerminating(pod))) {
        return created;
      }
    }
    return created;
  }

  private void create(ObjectNode sts, String ns, String name, int ordinal, String revision) {
    ObjectNode pod = PodTemplates.pod(sts, ns, name, ordinal, revision);
    try {
      client.create(pods, ns, pod);
      history.podEvent(sts, "create", Json.text(pod, "metadata", "name"));
    } catch (ApiException e) {
      if (e.code() != 409) {
        throw e;
      }
    }
  }

  private boolean condemn(
      ObjectNode sts, String ns, int replicas, Map<Integer, ObjectNode> pods, boolean parallel) {
    boolean any = false;
    boolean someoneTerminating = pods.values().stream().anyMatch(PodStatus::isTerminating);
    for (Map.Entry<Integer, ObjectNode> e :
        ((TreeMap<Integer, ObjectNode>) pods).descendingMap().entrySet()) {
      if (e.getKey() < replicas || PodStatus.isTerminating(e.getValue())) {
        continue;
      }
      if (!parallel && (someoneTerminating || any)) {
        return true;
      }
      deletePod(sts, ns, Json.text(e.getValue(), "metadata", "name"));
      any = true;
    }
    return pods.keySet().stream().anyMatch(i -> i >= replicas);
  }

  private void roll(
      ObjectNode sts, String ns, int replicas, String revision, Map<Integer, ObjectNode> pods) {
    JsonNode strategy = sts.path("spec").path("updateStrategy");
    if ("OnDelete".equals(Json.text(strategy, "type"))) {
      return;
    }
    int partition = strategy.path("rollingUpdate").path("partition").asInt(0);
    for (int i = 0; i < replicas; i++) {
      ObjectNode pod = pods.get(i);
      if (pod == null || PodStatus.isTerminating(pod) || !PodStatus.isReady(pod)) {
        return;
      }
    }
    for (int i = replicas - 1; i >= partition; i--) {
      ObjectNode pod = pods.get(i);
      if (!revision.equals(Json.text(pod, "metadata", "labels", Revisions.LABEL))) {
        deletePod(sts, ns, Json.text(pod, "metadata", "name"));
        return;
      }
    }
  }

  private void deletePod(ObjectNode sts, String ns, String pod) {
    try {
      client.delete(pods, ns, pod, null);
      history.podEvent(sts, "delete", pod);
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }

  private void writeStatus(
      ObjectNode sts,
      String ns,
      String name,
      int replicas,
      String revision,
      Map<Integer, ObjectNode> pods) {
    JsonNode old = sts.path("status");
    String current = Json.text(old, "currentRevision");
    int updated = 0;
    int ready = 0;
    for (ObjectNode pod : pods.values()) {
      updated += revision.equals(Json.text(pod, "metadata", "labels", Revisions.LABEL)) ? 1 : 0;
      ready += PodStatus.isReady(pod) && !PodStatus.isTerminating(pod) ? 1 : 0;
    }
    if (current == null || (updated == replicas && pods.size() == replicas && ready == replicas)) {
      current = revision;
    }
    int currentReplicas = 0;
    for (ObjectNode pod : pods.values()) {
      currentReplicas +=
          current.equals(Json.text(pod, "metadata", "labels", Revisions.LABEL)) ? 1 : 0;
    }
    ObjectNode status = Json.object();
    status.put("observedGeneration", sts.path("metadata").path("generation").asLong(1));
    status.put("replicas", pods.size());
    status.put("readyReplicas", ready);
    status.put("availableReplicas", ready);
    status.put("currentReplicas", currentReplicas);
    status.put("updatedReplicas", updated);
    status.put("currentRevision", current);
    status.put("updateRevision", revision);
    status.put("collisionCount", 0);
    if (!status.equals(old)) {
      ObjectNode patch = Json.object();
      patch.set("status", status);
      client.mergePatch(statefulSets, ns, name, "status", patch);
    }
  }

  /**
   * The StatefulSet's pods. Only pods matching its selector are parsed (the store matches labels
   * from its index), so a sync costs the StatefulSet's own pods, not every pod of the namespace.
   */
  private Map<Integer, ObjectNode> podsOf(String ns, String sts, String selector) {
    TreeMap<Integer, ObjectNode> out = new TreeMap<>();
    for (ObjectNode pod : client.list(pods, ns, ObjectFilter.labels(selector))) {
      OptionalInt ordinal = PodNames.ordinal(sts, Json.text(pod, "metadata", "name"));
      if (ordinal.isPresent() && ownedBy(pod, sts)) {
        out.put(ordinal.getAsInt(), pod);
      }
    }
    return out;
  }

  /**
   * {@code spec.selector.matchLabels} as a label selector; null (everything) when there is none.
   */
  static String selector(JsonNode sts) {
    StringBuilder sb = new StringBuilder();
    sts.path("spec")
        .path("selector")
        .path("matchLabels")
        .properties()
        .forEach(
            e ->
                sb.append(sb.length() == 0 ? "" : ",")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue().asText()));
    return sb.length() == 0 ? null : sb.toString();
  }

  private static boolean ownedBy(JsonNode pod, String sts) {
    for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
      if ("StatefulSet".equals(Json.text(ref, "kind")) && sts.equals(Json.text(ref, "name"))) {
        return true;
      }
    }
    return false;
  }
}
