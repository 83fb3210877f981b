package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Cells of {@link TableColumns} that need more than one field, as the print functions of kubernetes
 * pkg/printers/internalversion/printers.go compute them (printPod, formatHPAMetrics,
 * formatEndpoints, printEndpointSlice, printEvent).
 *
 * <p>Stateless and thread-safe.
 */
final class TableCells {
  private TableCells() {}

  static String podReady(JsonNode o) {
    int ready = 0;
    for (JsonNode c : o.path("status").path("containerStatuses")) {
      ready += c.path("ready").asBoolean(false) ? 1 : 0;
    }
    return ready + "/" + o.path("spec").path("containers").size();
  }

  static String podStatus(JsonNode o) {
    return o.path("metadata").hasNonNull("deletionTimestamp")
        ? "Terminating"
        : TableColumns.text(o, "Unknown", "status", "phase");
  }

  static int podRestarts(JsonNode o) {
    int restarts = 0;
    for (JsonNode c : o.path("status").path("containerStatuses")) {
      restarts += c.path("restartCount").asInt(0);
    }
    return restarts;
  }

  /** formatHPAMetrics: at most two metrics, {@code name: current/target}. */
  static String hpaTargets(JsonNode o) {
    JsonNode specs = o.path("spec").path("metrics");
    JsonNode statuses = o.path("status").path("currentMetrics");
    if (specs.isEmpty()) {
      return "<none>";
    }
    List<String> list = new ArrayList<>();
    for (int i = 0; i < specs.size(); i++) {
      if (list.size() == 2) {
        return String.join(", ", list) + " + " + (specs.size() - 2) + " more...";
      }
      JsonNode spec = specs.get(i);
      String type = TableColumns.text(spec, "", "type");
      String source =
          switch (type) {
            case "Resource" -> "resource";
            case "ContainerResource" -> "containerResource";
            case "Pods" -> "pods";
            case "Object" -> "object";
            default -> "external";
          };
      JsonNode target = spec.path(source).path("target");
      JsonNode current = statuses.path(i).path(source).path("current");
      String prefix =
          type.endsWith("Resource") ? TableColumns.text(spec.path(source), "", "name") + ": " : "";
      if (target.has("averageUtilization")
          || (type.endsWith("Resource") && !target.has("averageValue"))) {
        String cur =
            current.has("averageUtilization")
                ? current.path("averageUtilization").asInt() + "%"
                : "<unknown>";
        String tgt =
            target.has("averageUtilization")
                ? target.path("averageUtilization").asInt() + "%"
                : "<auto>";
        list.add(prefix + cur + "/" + tgt);
      } else {
        String field = target.has("averageValue") ? "averageValue" : "value";
        String avg =
            field.equals("averageValue") && !type.endsWith("Resource") && !type.equals("Pods")
                ? " (avg)"
                : "";
        list.add(
            prefix
                + TableColumns.text(current, "<unknown>", field)
                + "/"
                + TableColumns.text(target, "", field)
                + avg);
      }
    }
    return String.join(", ", list);
  }

  /** formatEndpoints: {@code ip:port} pairs, at most three, then {@code + N more...}. */
  static String endpoints(JsonNode o) {
    List<String> all = new ArrayList<>();
    for (JsonNode subset : o.path("subsets")) {
      for (JsonNode a : subset.path("addresses")) {
        if (subset.path("ports").isEmpty()) {
          all.add(TableColumns.text(a, "", "ip"));
        }
        for (JsonNode p : subset.path("ports")) {
          all.add(TableColumns.text(a, "", "ip") + ":" + p.path("port").asInt());
        }
      }
    }
    return firstThree(all);
  }

  static String slicePorts(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : o.path("ports")) {
      out.add(p.path("port").isNumber() ? String.valueOf(p.path("port").asInt()) : "<unset>");
    }
    return out.isEmpty() ? "<unset>" : String.join(",", out);
  }

  static String sliceEndpoints(JsonNode o) {
    List<String> all = new ArrayList<>();
    for (JsonNode e : o.path("endpoints")) {
      e.path("addresses").forEach(a -> all.add(a.asString()));
    }
    return all.isEmpty() ? "<unset>" : firstThree(all);
  }

  private static String firstThree(List<String> all) {
    if (all.isEmpty()) {
      return "<none>";
    }
    String head = String.join(",", all.subList(0, Math.min(3, all.size())));
    return all.size() > 3 ? head + " + " + (all.size() - 3) + " more..." : head;
  }

  /** printEvent: the age of lastTimestamp, else eventTime. */
  static String eventLastSeen(JsonNode o) {
    String last = Json.text(o, "lastTimestamp");
    return Tables.age(last != null ? last : Json.text(o, "eventTime"));
  }

  static String eventFirstSeen(JsonNode o) {
    String first = Json.text(o, "firstTimestamp");
    return Tables.age(first != null ? first : Json.text(o, "eventTime"));
  }

  /** {@code kind/name} with the kind in lower case. */
  static String eventObject(JsonNode o) {
    return TableColumns.text(o, "", "involvedObject", "kind").toLowerCase(java.util.Locale.ROOT)
        + "/"
        + TableColumns.text(o, "", "involvedObject", "name");
  }

  /** formatEventSource: component[, host], else the reporting controller. */
  static String eventSource(JsonNode o) {
    String component = Json.text(o, "source", "component");
    if (component == null || component.isEmpty()) {
      component = TableColumns.text(o, "", "reportingComponent");
    }
    String host = Json.text(o, "source", "host");
    return host == null || host.isEmpty() ? component : component + ", " + host;
  }
}
