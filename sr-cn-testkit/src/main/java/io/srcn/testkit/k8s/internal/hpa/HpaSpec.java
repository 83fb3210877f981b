package io.srcn.testkit.k8s.internal.hpa;

import io.srcn.testkit.k8s.internal.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The parts of an HPA spec the simulator uses, from {@code autoscaling/v2}, {@code v2beta2} or
 * {@code v1} JSON, with Kubernetes' defaults (minReplicas 1, CPU 80% when no metric is given,
 * behavior fields filled when a behavior is present).
 *
 * @param targetApiVersion scaleTargetRef.apiVersion
 * @param targetKind scaleTargetRef.kind
 * @param targetName scaleTargetRef.name
 * @param min minReplicas
 * @param max maxReplicas
 * @param metrics the metrics
 * @param up scale-up rules, or null when the HPA has no behavior
 * @param down scale-down rules, or null when the HPA has no behavior
 */
public record HpaSpec(
    String targetApiVersion,
    String targetKind,
    String targetName,
    int min,
    int max,
    List<MetricSpec> metrics,
    ScalingRules up,
    ScalingRules down) {

  /**
   * One metric.
   *
   * @param type Resource, ContainerResource, Pods, Object or External
   * @param name resource name (cpu, memory) or metric name
   * @param targetType Utilization, AverageValue or Value
   * @param target the target number (percent for Utilization)
   * @param source the metric's source object as given (for status)
   */
  public record MetricSpec(
      String type, String name, String targetType, double target, JsonNode source) {}

  /** Parses an HPA object; a malformed metric target names the metric. */
  public static HpaSpec parse(JsonNode hpa) {
    JsonNode spec = hpa.path("spec");
    JsonNode ref = spec.path("scaleTargetRef");
    int min = spec.path("minReplicas").asInt(1);
    int max = spec.path("maxReplicas").asInt(Integer.MAX_VALUE);
    List<MetricSpec> metrics = new ArrayList<>();
    boolean v1 = "autoscaling/v1".equals(Json.text(hpa, "apiVersion"));
    if (v1) {
      metrics.add(
          new MetricSpec(
              "Resource",
              "cpu",
              "Utilization",
              spec.path("targetCPUUtilizationPercentage").asInt(80),
              Json.object()));
    } else {
      for (JsonNode m : spec.path("metrics")) {
        metrics.add(metric(m));
      }
      if (metrics.isEmpty()) {
        metrics.add(new MetricSpec("Resource", "cpu", "Utilization", 80, Json.object()));
      }
    }
    JsonNode behavior = spec.path("behavior");
    ScalingRules up = null;
    ScalingRules down = null;
    if (!v1 && behavior.isObject()) {
      up = rules(behavior.path("scaleUp"), ScalingRules.defaultUp());
      down = rules(behavior.path("scaleDown"), ScalingRules.defaultDown());
    }
    return new HpaSpec(
        Json.text(ref, "apiVersion"),
        Json.text(ref, "kind"),
        Json.text(ref, "name"),
        min,
        max,
        metrics,
        up,
        down);
  }

  private static MetricSpec metric(JsonNode m) {
    String type = String.valueOf(Json.text(m, "type"));
    String field = Character.toLowerCase(type.charAt(0)) + type.substring(1);
    JsonNode source = m.path(field);
    String name =
        type.equals("Resource") || type.equals("ContainerResource")
            ? Json.text(source, "name")
            : Json.text(source, "metric", "name");
    JsonNode target = source.path("target");
    String targetType = Json.text(target, "type");
    double value;
    if ("Utilization".equals(targetType)) {
      value = target.path("averageUtilization").asDouble();
    } else if ("AverageValue".equals(targetType)) {
      value = Quantities.parse(Json.text(target, "averageValue"));
    } else {
      value = Quantities.parse(Json.text(target, "value"));
    }
    return new MetricSpec(type, name, targetType, value, source);
  }

  private static ScalingRules rules(JsonNode node, ScalingRules defaults) {
    if (!node.isObject()) {
      return defaults;
    }
    int window =
        node.hasNonNull("stabilizationWindowSeconds")
            ? node.get("stabilizationWindowSeconds").asInt()
            : defaults.windowSeconds();
    String select =
        node.hasNonNull("selectPolicy") ? Json.text(node, "selectPolicy") : defaults.selectPolicy();
    List<ScalingRules.Policy> policies = new ArrayList<>();
    for (JsonNode p : node.path("policies")) {
      policies.add(
          new ScalingRules.Policy(
              Json.text(p, "type"), p.path("value").asInt(), p.path("periodSeconds").asInt()));
    }
    return new ScalingRules(window, select, node.has("policies") ? policies : defaults.policies());
  }
}
