package io.srcn.testkit.k8s.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The columns {@code kubectl get} shows per kind, in the order, type and priority (1 = only with
 * {@code -o wide}) of the column definitions in kubernetes
 * pkg/printers/internalversion/printers.go, with cells computed as its print functions do for the
 * fields the mock keeps.
 *
 * <p>Stateless and thread-safe.
 */
final class TableColumns {
  /** One column: header, JSON schema type, priority and how a cell is computed. */
  record Column(String name, String type, int priority, Function<JsonNode, Object> cell) {}

  private TableColumns() {}

  /** The columns of a kind; every kind not listed gets Name and Age. */
  static List<Column> of(String kind) {
    switch (kind) {
      case "Pod":
        return List.of(
            name(),
            c("Ready", TableCells::podReady),
            c("Status", TableCells::podStatus),
            c("Restarts", TableCells::podRestarts),
            age(),
            wide("IP", o -> text(o, "<none>", "status", "podIP")),
            wide("Node", o -> text(o, "<none>", "spec", "nodeName")),
            wide("Nominated Node", o -> text(o, "<none>", "status", "nominatedNodeName")),
            wide("Readiness Gates", o -> "<none>"));
      case "StatefulSet":
        return List.of(
            name(),
            c(
                "Ready",
                o ->
                    o.path("status").path("readyReplicas").asInt(0)
                        + "/"
                        + o.path("spec").path("replicas").asInt(1)),
            age(),
            wide("Containers", o -> containers(o, "name")),
            wide("Images", o -> containers(o, "image")));
      case "HorizontalPodAutoscaler":
        return List.of(
            name(),
            c(
                "Reference",
                o ->
                    text(o, "", "spec", "scaleTargetRef", "kind")
                        + "/"
                        + text(o, "", "spec", "scaleTargetRef", "name")),
            c("Targets", TableCells::hpaTargets),
            c("MinPods", o -> text(o, "<unset>", "spec", "minReplicas")),
            c("MaxPods", o -> o.path("spec").path("maxReplicas").asInt(0)),
            c("Replicas", o -> o.path("status").path("currentReplicas").asInt(0)),
            age());
      case "Service":
        return List.of(
            name(),
            c("Type", o -> text(o, "ClusterIP", "spec", "type")),
            c("Cluster-IP", o -> text(o, "<none>", "spec", "clusterIP")),
            c("External-IP", TableColumns::externalIp),
            c("Port(s)", TableColumns::servicePorts),
            age(),
            wide("Selector", o -> selector(o.path("spec").path("selector"))));
      case "ConfigMap":
        return List.of(
            name(), c("Data", o -> o.path("data").size() + o.path("binaryData").size()), age());
      case "Secret":
        return List.of(
            name(),
            c("Type", o -> text(o, "", "type")),
            c("Data", o -> o.path("data").size()),
            age());
      case "PodDisruptionBudget":
        return List.of(
            name(),
            c("Min Available", o -> text(o, "N/A", "spec", "minAvailable")),
            c("Max Unavailable", o -> text(o, "N/A", "spec", "maxUnavailable")),
            c("Allowed Disruptions", o -> o.path("status").path("disruptionsAllowed").asInt(0)),
            age());
      case "Lease":
        return List.of(name(), c("Holder", o -> text(o, "", "spec", "holderIdentity")), age());
      case "Endpoints":
        return List.of(name(), c("Endpoints", TableCells::endpoints), age());
      case "EndpointSlice":
        return List.of(
            name(),
            c("AddressType", o -> text(o, "", "addressType")),
            c("Ports", TableCells::slicePorts),
            c("Endpoints", TableCells::sliceEndpoints),
            age());
      case "ControllerRevision":
        return List.of(
            name(),
            c("Controller", TableColumns::controller),
            c("Revision", o -> o.path("revision").asLong(0)),
            age());
      case "Event":
        return List.of(
            c("Last Seen", TableCells::eventLastSeen),
            c("Type", o -> text(o, "", "type")),
            c("Reason", o -> text(o, "", "reason")),
            c("Object", TableCells::eventObject),
            wide("Subobject", o -> text(o, "", "involvedObject", "fieldPath")),
            wide("Source", TableCells::eventSource),
            c("Message", o -> text(o, "", "message").trim()),
            wide("First Seen", TableCells::eventFirstSeen),
            wide("Count", o -> o.path("count").asInt(1)),
            new Column("Name", "string", 1, o -> text(o, "", "metadata", "name")));
      default:
        return List.of(name(), age());
    }
  }

  private static Column name() {
    return new Column("Name", "string", 0, o -> text(o, "", "metadata", "name"));
  }

  private static Column age() {
    return c("Age", o -> Tables.age(Json.text(o, "metadata", "creationTimestamp")));
  }

  private static Column c(String name, Function<JsonNode, Object> cell) {
    return new Column(name, "string", 0, cell);
  }

  private static Column wide(String name, Function<JsonNode, Object> cell) {
    return new Column(name, "string", 1, cell);
  }

  /** The scalar at the path, or {@code absent}. */
  static String text(JsonNode o, String absent, String... path) {
    String t = Json.text(o, path);
    return t == null || t.isEmpty() ? absent : t;
  }

  private static String containers(JsonNode o, String field) {
    List<String> out = new ArrayList<>();
    for (JsonNode c : o.path("spec").path("template").path("spec").path("containers")) {
      out.add(text(c, "", field));
    }
    return String.join(",", out);
  }

  /** printers.go getServiceExternalIP for ClusterIP and headless Services. */
  private static String externalIp(JsonNode o) {
    List<String> ips = new ArrayList<>();
    o.path("spec").path("externalIPs").forEach(ip -> ips.add(ip.asString()));
    if ("LoadBalancer".equals(Json.text(o, "spec", "type"))) {
      o.path("status")
          .path("loadBalancer")
          .path("ingress")
          .forEach(i -> ips.add(text(i, text(i, "", "hostname"), "ip")));
      return ips.isEmpty() ? "<pending>" : String.join(",", ips);
    }
    return ips.isEmpty() ? "<none>" : String.join(",", ips);
  }

  /** printers.go makePortString: {@code port[:nodePort]/protocol}, comma-separated. */
  private static String servicePorts(JsonNode o) {
    List<String> out = new ArrayList<>();
    for (JsonNode p : o.path("spec").path("ports")) {
      String node = p.path("nodePort").isNumber() ? ":" + p.path("nodePort").asInt() : "";
      out.add(p.path("port").asInt() + node + "/" + text(p, "TCP", "protocol"));
    }
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }

  /** labels.FormatLabels: sorted {@code k=v} pairs, or {@code <none>}. */
  static String selector(JsonNode labels) {
    TreeMap<String, String> sorted = new TreeMap<>();
    labels.properties().forEach(e -> sorted.put(e.getKey(), e.getValue().asString()));
    List<String> out = new ArrayList<>();
    sorted.forEach((k, v) -> out.add(k + "=" + v));
    return out.isEmpty() ? "<none>" : String.join(",", out);
  }

  /** printers.go printControllerRevision: {@code kind.group/name} of the controller, or none. */
  private static String controller(JsonNode o) {
    for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
      if (ref.path("controller").asBoolean(false)) {
        String apiVersion = text(ref, "", "apiVersion");
        String group =
            apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String kind = text(ref, "", "kind").toLowerCase(java.util.Locale.ROOT);
        return (group.isEmpty() ? kind : kind + "." + group) + "/" + text(ref, "", "name");
      }
    }
    return "<none>";
  }
}
