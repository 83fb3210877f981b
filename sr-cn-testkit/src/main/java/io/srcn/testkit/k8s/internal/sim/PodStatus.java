package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.KubeletNames;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the pod status the simulated kubelet writes (phase, conditions, container statuses, IPs).
 *
 * <p>Stateless and thread-safe.
 */
final class PodStatus {
  private PodStatus() {}

  /** Whether the pod's Ready condition is True. */
  static boolean isReady(JsonNode pod) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if ("Ready".equals(Json.text(c, "type"))) {
        return "True".equals(Json.text(c, "status"));
      }
    }
    return false;
  }

  /** Whether the pod is terminating. */
  static boolean isTerminating(JsonNode pod) {
    return pod.path("metadata").hasNonNull("deletionTimestamp");
  }

  /** The container restart count of the first container. */
  static int restartCount(JsonNode pod) {
    return pod.path("status").path("containerStatuses").path(0).path("restartCount").asInt(0);
  }

  /** The status of a scheduled pod whose containers are being created. */
  static ObjectNode pending(JsonNode pod) {
    ObjectNode status = Json.object();
    status.put("phase", "Pending");
    status.put("hostIP", KubeletNames.HOST_IP);
    status.put("startTime", now());
    status.put("qosClass", "BestEffort");
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "PodScheduled", true, null);
    return status;
  }

  /** The status of a running pod; {@code lastCrash} adds a terminated last state. */
  static ObjectNode running(
      JsonNode pod, String ip, boolean ready, int restarts, boolean lastCrash) {
    JsonNode previous = pod.path("status");
    ObjectNode status = Json.object();
    status.put("phase", "Running");
    status.put("hostIP", KubeletNames.HOST_IP);
    status.put("podIP", ip);
    status.putArray("podIPs").addObject().put("ip", ip);
    status.put(
        "startTime", previous.hasNonNull("startTime") ? Json.text(previous, "startTime") : now());
    status.put("qosClass", "BestEffort");
    ArrayNode conditions = status.putArray("conditions");
    condition(conditions, "PodScheduled", true, previous);
    condition(conditions, "Initialized", true, previous);
    condition(conditions, "ContainersReady", ready, previous);
    condition(conditions, "Ready", ready, previous);
    ArrayNode containers = status.putArray("containerStatuses");
    for (JsonNode c : pod.path("spec").path("containers")) {
      containers.add(container(c, previous, ready, restarts, lastCrash));
    }
    return status;
  }

  private static ObjectNode container(
      JsonNode spec, JsonNode previous, boolean ready, int restarts, boolean crash) {
    String name = Json.text(spec, "name");
    JsonNode before = Json.object();
    for (JsonNode s : previous.path("containerStatuses")) {
      if (name != null && name.equals(Json.text(s, "name"))) {
        before = s;
      }
    }
    ObjectNode c = Json.object();
    c.put("name", name);
    c.put("image", Json.text(spec, "image"));
    c.put("imageID", "srcn-mock://" + Json.text(spec, "image"));
    c.put("containerID", "srcn-mock://" + name + "-" + restarts);
    c.put("ready", ready);
    c.put("started", true);
    c.put("restartCount", restarts);
    String startedAt = Json.text(before, "state", "running", "startedAt");
    if (crash || startedAt == null) {
      if (crash) {
        ObjectNode terminated = c.putObject("lastState").putObject("terminated");
        terminated.put("exitCode", 137).put("reason", "Error").put("finishedAt", now());
        if (startedAt != null) {
          terminated.put("startedAt", startedAt);
        }
      }
      startedAt = now();
    } else if (before.has("lastState")) {
      c.set("lastState", before.get("lastState").deepCopy());
    }
    c.putObject("state").putObject("running").put("startedAt", startedAt);
    return c;
  }

  private static void condition(
      ArrayNode conditions, String type, boolean value, JsonNode previous) {
    String status = value ? "True" : "False";
    String since = now();
    if (previous != null) {
      for (JsonNode c : previous.path("conditions")) {
        if (type.equals(Json.text(c, "type")) && status.equals(Json.text(c, "status"))) {
          since = Json.text(c, "lastTransitionTime");
        }
      }
    }
    ObjectNode c = conditions.addObject();
    c.put("type", type).put("status", status).put("lastTransitionTime", since);
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
