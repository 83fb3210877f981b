package io.srcn.testkit.k8s.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server's defaulting for the kinds the SDK writes: StatefulSet, HPA and Namespace here,
 * pods, pod templates, Services and Secrets in {@link PodDefaults}.
 *
 * <p>Stateless and thread-safe.
 */
final class Defaults {
  private Defaults() {}

  /** Fills defaults in place on a create or full update of the main resource. */
  static void apply(ApiResource r, ObjectNode obj) {
    switch (r.kind()) {
      case "StatefulSet":
        statefulSet(Json.with(obj, "spec"));
        PodDefaults.podSpec(Json.with(Json.with(Json.with(obj, "spec"), "template"), "spec"));
        break;
      case "Pod":
        if (r.group().isEmpty()) {
          PodDefaults.podSpec(Json.with(obj, "spec"));
        }
        break;
      case "Service":
        if (r.group().isEmpty()) {
          PodDefaults.service(Json.with(obj, "spec"));
        }
        break;
      case "Secret":
        if (r.group().isEmpty()) {
          PodDefaults.secret(obj);
        }
        break;
      case "Deployment":
      case "ReplicaSet":
        putIfAbsent(Json.with(obj, "spec"), "replicas", 1);
        break;
      case "Namespace":
        namespace(r, obj);
        break;
      case "HorizontalPodAutoscaler":
        if (!r.version().equals("v1")) {
          putIfAbsent(Json.with(obj, "spec"), "minReplicas", 1);
        }
        break;
      default:
        break;
    }
  }

  /**
   * Sets the status the API server gives a new object (pods: phase Pending); true when it did, so
   * the create keeps it. Any status the client sent is replaced, as on a real server.
   */
  static boolean initialStatus(ApiResource r, ObjectNode obj) {
    if (r.kind().equals("Namespace") && r.group().isEmpty()) {
      // PrepareForCreate in pkg/registry/core/namespace/strategy.go: phase Active and the
      // "kubernetes" finalizer the namespace controller removes once the contents are gone
      obj.putObject("status").put("phase", "Active");
      ObjectNode spec = Json.with(obj, "spec");
      if (!spec.path("finalizers").isArray()) {
        spec.putArray("finalizers").add("kubernetes");
      }
      return true;
    }
    if (r.kind().equals("Pod") && r.group().isEmpty()) {
      ObjectNode status = obj.putObject("status");
      status.put("phase", "Pending");
      status.put("qosClass", "BestEffort");
      return true;
    }
    return false;
  }

  /** The {@code kubernetes.io/metadata.name} label (SetDefaults_Namespace, core/v1/defaults.go). */
  private static void namespace(ApiResource r, ObjectNode obj) {
    String name = Json.text(obj, "metadata", "name");
    if (r.group().isEmpty() && name != null && !name.isEmpty()) {
      Json.with(Json.metadata(obj), "labels").put("kubernetes.io/metadata.name", name);
    }
  }

  private static void statefulSet(ObjectNode spec) {
    putIfAbsent(spec, "replicas", 1);
    if (!spec.hasNonNull("podManagementPolicy")) {
      spec.put("podManagementPolicy", "OrderedReady");
    }
    if (!spec.hasNonNull("revisionHistoryLimit")) {
      spec.put("revisionHistoryLimit", 10);
    }
    ObjectNode strategy = Json.with(spec, "updateStrategy");
    if (!strategy.hasNonNull("type")) {
      strategy.put("type", "RollingUpdate");
    }
    if ("RollingUpdate".equals(Json.text(strategy, "type"))) {
      putIfAbsent(Json.with(strategy, "rollingUpdate"), "partition", 0);
    }
  }

  private static void putIfAbsent(ObjectNode node, String field, int value) {
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      node.put(field, value);
    }
  }
}
