package io.srcn.testkit.k8s.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side printing ({@code meta.k8s.io/v1 Table}) for {@code kubectl get}: NAME and AGE for
 * every kind, plus the usual columns of Pods, StatefulSets and HorizontalPodAutoscalers.
 *
 * <p>Stateless and thread-safe.
 */
final class Tables {
  private Tables() {}

  /** Whether the client asked for a Table. */
  static boolean wanted(ApiRequest req) {
    return req.accept() != null && req.accept().contains("as=Table");
  }

  /** A Table of the objects. */
  static ObjectNode of(
      ApiResource r, List<JsonNode> objects, long resourceVersion, String includeObject) {
    ObjectNode table = Json.object();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", String.valueOf(resourceVersion));
    ArrayNode columns = table.putArray("columnDefinitions");
    column(columns, "Name", "name", 0);
    for (String c : extraColumns(r)) {
      column(columns, c, "", c.equals("IP") || c.equals("Node") ? 1 : 0);
    }
    column(columns, "Age", "", 0);
    ArrayNode rows = table.putArray("rows");
    for (JsonNode o : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      cells.add(Json.text(o, "metadata", "name"));
      extraCells(r, o, cells);
      cells.add(age(Json.text(o, "metadata", "creationTimestamp")));
      if (!"None".equals(includeObject)) {
        row.set("object", "Object".equals(includeObject) ? o : partial(o));
      }
    }
    return table;
  }

  private static List<String> extraColumns(ApiResource r) {
    switch (r.kind()) {
      case "Pod":
        return List.of("Ready", "Status", "Restarts", "IP", "Node");
      case "StatefulSet":
        return List.of("Ready");
      case "HorizontalPodAutoscaler":
        return List.of("Reference", "MinPods", "MaxPods", "Replicas");
      default:
        return List.of();
    }
  }

  private static void extraCells(ApiResource r, JsonNode o, ArrayNode cells) {
    JsonNode spec = o.path("spec");
    JsonNode status = o.path("status");
    switch (r.kind()) {
      case "Pod":
        int ready = 0;
        int restarts = 0;
        for (JsonNode c : status.path("containerStatuses")) {
          ready += c.path("ready").asBoolean(false) ? 1 : 0;
          restarts += c.path("restartCount").asInt(0);
        }
        cells.add(ready + "/" + spec.path("containers").size());
        cells.add(
            o.path("metadata").hasNonNull("deletionTimestamp")
                ? "Terminating"
                : status.path("phase").asString("Unknown"));
        cells.add(restarts);
        cells.add(status.path("podIP").asString("<none>"));
        cells.add(spec.path("nodeName").asString("<none>"));
        break;
      case "StatefulSet":
        cells.add(status.path("readyReplicas").asInt(0) + "/" + spec.path("replicas").asInt(0));
        break;
      case "HorizontalPodAutoscaler":
        cells.add(
            Json.text(spec, "scaleTargetRef", "kind")
                + "/"
                + Json.text(spec, "scaleTargetRef", "name"));
        cells.add(spec.path("minReplicas").asInt(1));
        cells.add(spec.path("maxReplicas").asInt(0));
        cells.add(status.path("currentReplicas").asInt(0));
        break;
      default:
        break;
    }
  }

  private static void column(ArrayNode columns, String name, String format, int priority) {
    ObjectNode c = columns.addObject();
    c.put("name", name)
        .put("type", "string")
        .put("format", format)
        .put("description", name)
        .put("priority", priority);
  }

  private static ObjectNode partial(JsonNode o) {
    ObjectNode p = Json.object();
    p.put("kind", "PartialObjectMetadata");
    p.put("apiVersion", "meta.k8s.io/v1");
    p.set("metadata", o.path("metadata").deepCopy());
    return p;
  }

  private static String age(String created) {
    if (created == null) {
      return "<unknown>";
    }
    Duration d = Duration.between(Instant.parse(created), Instant.now());
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    return s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
  }
}
