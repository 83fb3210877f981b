package io.srcn.testkit.k8s.internal;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * HPA metric specs and statuses between the autoscaling/v2 shape ({@code metric: {name, selector}},
 * {@code target}/{@code current} with a type) and the flat autoscaling/v1 shape kept in the {@code
 * autoscaling.alpha.kubernetes.io/*} annotations ({@code metricName}, {@code targetAverageValue},
 * {@code currentAverageUtilization}, ...), following the Convert_*MetricSource/MetricStatus
 * functions of kubernetes pkg/apis/autoscaling/v1/conversion.go.
 *
 * <p>Stateless and thread-safe; every method returns a new tree.
 */
final class HpaMetrics {
  private HpaMetrics() {}

  /** v2 MetricSpec to the v1 MetricSpec shape (Convert_autoscaling_*MetricSource_To_v1_*). */
  static ObjectNode specToV1(JsonNode m) {
    return toV1(m, "target");
  }

  /** v1 MetricSpec to v2 (Convert_v1_*MetricSource_To_autoscaling_*). */
  static ObjectNode specFromV1(JsonNode m) {
    ObjectNode out = Json.object();
    copy(m, out, "type");
    for (String source : new String[] {"resource", "containerResource"}) {
      JsonNode in = m.path(source);
      if (in.isObject()) {
        ObjectNode o = out.putObject(source);
        copy(in, o, "name", "container");
        ObjectNode t = o.putObject("target");
        boolean utilization = in.path("targetAverageUtilization").isNumber();
        t.put("type", utilization ? "Utilization" : "AverageValue");
        copyAs(in, t, "targetAverageUtilization", "averageUtilization");
        copyAs(in, t, "targetAverageValue", "averageValue");
      }
    }
    if (m.path("pods").isObject()) {
      JsonNode in = m.path("pods");
      ObjectNode o = out.putObject("pods");
      o.set("metric", metricId(in, "selector"));
      ObjectNode t = o.putObject("target").put("type", "AverageValue");
      copyAs(in, t, "targetAverageValue", "averageValue");
    }
    if (m.path("object").isObject()) {
      JsonNode in = m.path("object");
      ObjectNode o = out.putObject("object");
      if (in.path("target").isObject()) {
        o.set("describedObject", in.path("target").deepCopy());
      }
      o.set("metric", metricId(in, "selector"));
      ObjectNode t = o.putObject("target");
      t.put("type", in.path("averageValue").isMissingNode() ? "Value" : "AverageValue");
      copyAs(in, t, "targetValue", "value");
      copyAs(in, t, "averageValue", "averageValue");
    }
    if (m.path("external").isObject()) {
      JsonNode in = m.path("external");
      ObjectNode o = out.putObject("external");
      o.set("metric", metricId(in, "metricSelector"));
      ObjectNode t = o.putObject("target");
      t.put("type", in.path("targetValue").isMissingNode() ? "AverageValue" : "Value");
      copyAs(in, t, "targetValue", "value");
      copyAs(in, t, "targetAverageValue", "averageValue");
    }
    return out;
  }

  /** v2 MetricStatus to the v1 shape. */
  static ObjectNode statusToV1(JsonNode m) {
    return toV1(m, "current");
  }

  /** v1 MetricStatus to v2. */
  static ObjectNode statusFromV1(JsonNode m) {
    ObjectNode out = Json.object();
    copy(m, out, "type");
    for (String source : new String[] {"resource", "containerResource"}) {
      JsonNode in = m.path(source);
      if (in.isObject()) {
        ObjectNode o = out.putObject(source);
        copy(in, o, "name", "container");
        ObjectNode c = o.putObject("current");
        copyAs(in, c, "currentAverageUtilization", "averageUtilization");
        copyAs(in, c, "currentAverageValue", "averageValue");
      }
    }
    if (m.path("pods").isObject()) {
      JsonNode in = m.path("pods");
      ObjectNode o = out.putObject("pods");
      o.set("metric", metricId(in, "selector"));
      copyAs(in, o.putObject("current"), "currentAverageValue", "averageValue");
    }
    if (m.path("object").isObject()) {
      JsonNode in = m.path("object");
      ObjectNode o = out.putObject("object");
      if (in.path("target").isObject()) {
        o.set("describedObject", in.path("target").deepCopy());
      }
      o.set("metric", metricId(in, "selector"));
      ObjectNode c = o.putObject("current");
      copyAs(in, c, "currentValue", "value");
      copyAs(in, c, "averageValue", "averageValue");
    }
    if (m.path("external").isObject()) {
      JsonNode in = m.path("external");
      ObjectNode o = out.putObject("external");
      o.set("metric", metricId(in, "metricSelector"));
      ObjectNode c = o.putObject("current");
      copyAs(in, c, "currentValue", "value");
      copyAs(in, c, "currentAverageValue", "averageValue");
    }
    return out;
  }

  /** v2 {@code metric: {name, selector}} flattened into v1's {@code metricName} and selector. */
  private static void identity(JsonNode metric, ObjectNode out, String selectorField) {
    copyAs(metric, out, "name", "metricName");
    copyAs(metric, out, "selector", selectorField);
  }

  private static ObjectNode metricId(JsonNode v1, String selectorField) {
    ObjectNode id = Json.object();
    copyAs(v1, id, "metricName", "name");
    copyAs(v1, id, selectorField, "selector");
    return id;
  }

  static void copy(JsonNode from, ObjectNode to, String... fields) {
    for (String f : fields) {
      copyAs(from, to, f, f);
    }
  }

  private static void copyAs(JsonNode from, ObjectNode to, String field, String as) {
    JsonNode v = from.get(field);
    if (v != null && !v.isNull()) {
      to.set(as, v.deepCopy());
    }
  }

  /**
   * A v2 MetricSpec ({@code field} "target") or MetricStatus ({@code field} "current") to the v1
   * shape, where the v2 {@code target}/{@code current} object is flattened into fields prefixed
   * with its name (Convert_autoscaling_*MetricSource_To_v1_*, *MetricStatus_To_v1_*).
   */
  private static ObjectNode toV1(JsonNode m, String field) {
    ObjectNode out = Json.object();
    copy(m, out, "type");
    for (String source : new String[] {"resource", "containerResource"}) {
      JsonNode in = m.path(source);
      if (in.isObject()) {
        ObjectNode o = out.putObject(source);
        copy(in, o, "name", "container");
        copyAs(in.path(field), o, "averageUtilization", field + "AverageUtilization");
        copyAs(in.path(field), o, "averageValue", field + "AverageValue");
      }
    }
    if (m.path("pods").isObject()) {
      ObjectNode o = out.putObject("pods");
      identity(m.path("pods").path("metric"), o, "selector");
      copyAs(m.path("pods").path(field), o, "averageValue", field + "AverageValue");
    }
    if (m.path("object").isObject()) {
      JsonNode in = m.path("object");
      ObjectNode o = out.putObject("object");
      if (in.path("describedObject").isObject()) {
        o.set("target", in.path("describedObject").deepCopy());
      }
      identity(in.path("metric"), o, "selector");
      copyAs(in.path(field), o, "value", field + "Value");
      copyAs(in.path(field), o, "averageValue", "averageValue");
    }
    if (m.path("external").isObject()) {
      JsonNode in = m.path("external");
      ObjectNode o = out.putObject("external");
      identity(in.path("metric"), o, "metricSelector");
      copyAs(in.path(field), o, "value", field + "Value");
      copyAs(in.path(field), o, "averageValue", field + "AverageValue");
    }
    return out;
  }
}
