package io.srcn.testkit.k8s.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * autoscaling/v1 HorizontalPodAutoscalers to and from the stored autoscaling/v2 shape, by the rules
 * of kubernetes pkg/apis/autoscaling/v1/conversion.go: {@code targetCPUUtilizationPercentage} is
 * the CPU-utilization metric, every other metric travels in the {@code
 * autoscaling.alpha.kubernetes.io/metrics} annotation (in the v1 MetricSpec shape), current metrics
 * in {@code .../current-metrics} and conditions in {@code .../conditions}; a v1 object without any
 * metric gets the implicit 80 % CPU target. v1 has no {@code behavior}: a write through v1 drops
 * it, as on a real server. The v2beta2 shape is v2's.
 *
 * <p>Stateless and thread-safe; every method works on a copy.
 */
final class HpaConversion {
  static final String METRICS = "autoscaling.alpha.kubernetes.io/metrics";
  static final String CURRENT_METRICS = "autoscaling.alpha.kubernetes.io/current-metrics";
  static final String CONDITIONS = "autoscaling.alpha.kubernetes.io/conditions";

  /** autoscaling.DefaultCPUUtilization (pkg/apis/autoscaling/annotations.go). */
  private static final int DEFAULT_CPU = 80;

  private HpaConversion() {}

  /** A v2 (or v2beta2) object seen as autoscaling/v1. */
  static ObjectNode toV1(JsonNode v2) {
    ObjectNode out = (ObjectNode) v2.deepCopy();
    out.put("apiVersion", "autoscaling/v1");
    ObjectNode annotations = Json.object();
    JsonNode spec = v2.path("spec");
    if (spec.isObject()) {
      ObjectNode s = (ObjectNode) out.get("spec");
      s.remove("metrics");
      s.remove("behavior");
      ArrayNode others = Json.array();
      boolean cpuSeen = false;
      for (JsonNode m : spec.path("metrics")) {
        JsonNode res = m.path("resource");
        boolean cpu =
            "Resource".equals(Json.text(m, "type")) && "cpu".equals(Json.text(res, "name"));
        JsonNode utilization = res.path("target").path("averageUtilization");
        if (cpu && !cpuSeen && utilization.isNumber()) {
          s.put("targetCPUUtilizationPercentage", utilization.asInt());
        }
        cpuSeen |= cpu;
        if (!(cpu && utilization.isNumber())) {
          others.add(HpaMetrics.specToV1(m));
        }
      }
      if (!others.isEmpty()) {
        annotations.put(METRICS, Json.write(others));
      }
    }
    JsonNode status = v2.path("status");
    if (status.isObject()) {
      ObjectNode st = Json.object();
      HpaMetrics.copy(
          status, st, "observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas");
      ArrayNode current = Json.array();
      for (JsonNode m : status.path("currentMetrics")) {
        JsonNode res = m.path("resource");
        JsonNode utilization = res.path("current").path("averageUtilization");
        if ("Resource".equals(Json.text(m, "type"))
            && "cpu".equals(Json.text(res, "name"))
            && utilization.isNumber()) {
          st.put("currentCPUUtilizationPercentage", utilization.asInt());
        }
        current.add(HpaMetrics.statusToV1(m));
      }
      if (!current.isEmpty()) {
        annotations.put(CURRENT_METRICS, Json.write(current));
      }
      if (status.path("conditions").isArray() && !status.path("conditions").isEmpty()) {
        annotations.put(CONDITIONS, Json.write(status.path("conditions")));
      }
      out.set("status", st);
    }
    if (!annotations.isEmpty()) {
      Json.with(Json.metadata(out), "annotations").setAll(annotations);
    }
    return out;
  }

  /**
   * An autoscaling/v1 object (or apply configuration) in the stored v2 shape.
   *
   * @param partial an apply configuration: no implicit CPU metric is added
   */
  static ObjectNode fromV1(JsonNode v1, String v2ApiVersion, boolean partial) {
    ObjectNode out = (ObjectNode) v1.deepCopy();
    out.put("apiVersion", v2ApiVersion);
    ObjectNode annotations =
        out.path("metadata").path("annotations") instanceof ObjectNode a ? a : null;
    JsonNode spec = v1.path("spec");
    if (spec.isObject()) {
      ObjectNode s = (ObjectNode) out.get("spec");
      s.remove("targetCPUUtilizationPercentage");
      ArrayNode metrics = Json.array();
      String others = annotations == null ? null : Json.text(annotations, METRICS);
      if (others != null) {
        for (JsonNode m : Json.parse(others)) {
          metrics.add(HpaMetrics.specFromV1(m));
        }
      }
      if (spec.path("targetCPUUtilizationPercentage").isNumber()) {
        metrics.add(cpuMetric(spec.path("targetCPUUtilizationPercentage").asInt()));
      }
      if (metrics.isEmpty() && !partial) {
        metrics.add(cpuMetric(DEFAULT_CPU));
      }
      if (!metrics.isEmpty()) {
        s.set("metrics", metrics);
      }
    }
    JsonNode status = v1.path("status");
    if (status.isObject()) {
      ObjectNode st = Json.object();
      HpaMetrics.copy(
          status, st, "observedGeneration", "lastScaleTime", "currentReplicas", "desiredReplicas");
      String current = annotations == null ? null : Json.text(annotations, CURRENT_METRICS);
      ArrayNode currentMetrics = Json.array();
      if (current != null) {
        for (JsonNode m : Json.parse(current)) {
          currentMetrics.add(HpaMetrics.statusFromV1(m));
        }
      } else if (status.path("currentCPUUtilizationPercentage").isNumber()) {
        ObjectNode m = currentMetrics.addObject().put("type", "Resource");
        ObjectNode r = m.putObject("resource").put("name", "cpu");
        r.putObject("current")
            .put("averageUtilization", status.path("currentCPUUtilizationPercentage").asInt());
      }
      if (!currentMetrics.isEmpty()) {
        st.set("currentMetrics", currentMetrics);
      }
      String conditions = annotations == null ? null : Json.text(annotations, CONDITIONS);
      if (conditions != null) {
        st.set("conditions", Json.parse(conditions));
      }
      out.set("status", st);
    }
    if (annotations != null) {
      annotations.remove(METRICS);
      annotations.remove(CURRENT_METRICS);
      annotations.remove(CONDITIONS);
      if (annotations.isEmpty()) {
        ((ObjectNode) out.get("metadata")).remove("annotations");
      }
    }
    return out;
  }

  private static ObjectNode cpuMetric(int utilization) {
    ObjectNode m = Json.object().put("type", "Resource");
    ObjectNode target = m.putObject("resource").put("name", "cpu").putObject("target");
    target.put("type", "Utilization").put("averageUtilization", utilization);
    return m;
  }
}
