package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.ObjectFilter;
import io.srcn.testkit.k8s.internal.PodNames;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * PodDisruptionBudget status as kubernetes pkg/controller/disruption/disruption.go computes it
 * (getExpectedPodCount, countHealthyPods, updatePdbStatus): with {@code maxUnavailable} or a
 * percentage {@code minAvailable}, {@code expectedPods} is the sum of the replicas of the
 * StatefulSets that own the selected pods and the budget is scaled rounding up; with an integer
 * {@code minAvailable}, {@code expectedPods} is the number of selected pods. {@code currentHealthy}
 * counts Ready pods not being deleted; {@code disruptionsAllowed} is {@code currentHealthy -
 * desiredHealthy}, never below 0 (0 when no pod is expected), with the {@code DisruptionAllowed}
 * condition ({@code SufficientPods}/{@code InsufficientPods}). Only matchLabels selectors.
 *
 * <p>Thread-safe: syncs run on the simulator thread.
 */
final class DisruptionController {
  private final InternalClient client;
  private final ApiResource budgets;
  private final ApiResource pods;
  private final ApiResource statefulSets;
  private final WorkQueue queue;
  private final SelectorIndex selectors = new SelectorIndex();

  /** Budgets whose expected scale counted a StatefulSet ({@code ns/sts} to budget names). */
  private final Map<String, Set<String>> byStatefulSet = new HashMap<>();

  DisruptionController(
      InternalClient client,
      ApiResource budgets,
      ApiResource pods,
      ApiResource statefulSets,
      ScheduledExecutorService executor) {
    this.client = client;
    this.budgets = budgets;
    this.pods = pods;
    this.statefulSets = statefulSets;
    this.queue = new WorkQueue(executor, this::sync);
  }

  /** A budget changed. */
  void budgetChanged(String ns, String name) {
    queue.add(PodNames.key(ns, name));
  }

  /**
   * A pod changed: every budget whose selector matches its labels before or after the change is
   * synced (the selectors as each budget's last sync read them; a budget not synced yet has its
   * sync queued already). Budgets that select nothing do not depend on pods.
   */
  void podChanged(String ns, JsonNode before, JsonNode after) {
    Set<String> names = new TreeSet<>();
    for (JsonNode pod : new JsonNode[] {before, after}) {
      if (pod != null) {
        names.addAll(selectors.matching(ns, pod.path("metadata").path("labels")));
      }
    }
    names.forEach(name -> queue.add(PodNames.key(ns, name)));
  }

  /**
   * A StatefulSet changed: every budget whose expected scale counted it (its replicas) is synced;
   * the others do not depend on it.
   */
  void statefulSetChanged(String ns, String name) {
    Set<String> names = byStatefulSet.get(PodNames.key(ns, name));
    if (names != null) {
      new TreeSet<>(names).forEach(budget -> queue.add(PodNames.key(ns, budget)));
    }
  }

  private void sync(String key) {
    String ns = PodNames.namespaceOf(key);
    Optional<ObjectNode> found = client.get(budgets, ns, PodNames.nameOf(key));
    if (found.isEmpty()) {
      selectors.remove(ns, PodNames.nameOf(key));
      return;
    }
    ObjectNode pdb = found.get();
    JsonNode spec = pdb.path("spec");
    selectors.put(ns, PodNames.nameOf(key), spec.path("selector").path("matchLabels"));
    String sel = MatchLabels.of(spec.path("selector").path("matchLabels"));
    List<ObjectNode> selected =
        sel == null ? List.of() : client.list(pods, ns, ObjectFilter.labels(sel));
    int expected;
    int desired;
    JsonNode max = spec.path("maxUnavailable");
    JsonNode min = spec.path("minAvailable");
    if (!max.isMissingNode() && !max.isNull()) {
      expected = expectedScale(ns, PodNames.nameOf(key), selected);
      desired = Math.max(0, expected - scaledUp(max, expected));
    } else if (min.isNumber()) {
      desired = min.asInt();
      expected = selected.size();
    } else if (!min.isMissingNode() && !min.isNull()) {
      expected = expectedScale(ns, PodNames.nameOf(key), selected);
      desired = scaledUp(min, expected);
    } else {
      expected = 0;
      desired = 0;
    }
    int healthy = 0;
    for (ObjectNode pod : selected) {
      healthy += PodStatus.isReady(pod) && !PodStatus.isTerminating(pod) ? 1 : 0;
    }
    int allowed = expected <= 0 ? 0 : Math.max(0, healthy - desired);
    JsonNode old = pdb.path("status");
    ObjectNode status = Json.object();
    status.put("observedGeneration", pdb.path("metadata").path("generation").asLong(1));
    status.put("disruptionsAllowed", allowed);
    status.put("currentHealthy", healthy);
    status.put("desiredHealthy", desired);
    status.put("expectedPods", expected);
    ObjectNode cond = status.putArray("conditions").addObject();
    boolean ok = allowed > 0;
    String reason = ok ? "SufficientPods" : "InsufficientPods";
    JsonNode oldCond = old.path("conditions").path(0);
    cond.put("type", "DisruptionAllowed")
        .put("status", ok ? "True" : "False")
        .put("reason", reason);
    cond.put("message", "");
    cond.put("observedGeneration", pdb.path("metadata").path("generation").asLong(1));
    cond.put(
        "lastTransitionTime",
        reason.equals(Json.text(oldCond, "reason"))
                && Json.text(oldCond, "lastTransitionTime") != null
            ? Json.text(oldCond, "lastTransitionTime")
            : Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    if (!status.equals(old)) {
      ObjectNode patch = Json.object();
      patch.set("status", status);
      client.mergePatch(budgets, ns, Json.text(pdb, "metadata", "name"), "status", patch);
    }
  }

  /** getExpectedScale: the replicas of each StatefulSet that controls a selected pod, once each. */
  private int expectedScale(String ns, String budget, List<ObjectNode> selected) {
    Set<String> owners = new HashSet<>();
    int sum = 0;
    for (ObjectNode pod : selected) {
      for (JsonNode ref : pod.path("metadata").path("ownerReferences")) {
        if (ref.path("controller").asBoolean(false)
            && "StatefulSet".equals(Json.text(ref, "kind"))
            && owners.add(Json.text(ref, "name"))) {
          byStatefulSet
              .computeIfAbsent(PodNames.key(ns, Json.text(ref, "name")), k -> new HashSet<>())
              .add(budget);
          sum +=
              client
                  .get(statefulSets, ns, Json.text(ref, "name"))
                  .map(s -> s.path("spec").path("replicas").asInt(1))
                  .orElse(0);
        }
      }
    }
    return sum;
  }

  /** GetScaledValueFromIntOrPercent with rounding up. */
  private static int scaledUp(JsonNode value, int total) {
    if (value.isNumber()) {
      return value.asInt();
    }
    String s = value.asString().trim();
    if (s.endsWith("%")) {
      int percent = Integer.parseInt(s.substring(0, s.length() - 1));
      return (int) Math.ceil(percent * total / 100.0);
    }
    return Integer.parseInt(s);
  }
}
