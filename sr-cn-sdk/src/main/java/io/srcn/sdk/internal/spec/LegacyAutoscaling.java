package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.ResourceMetricSource;
import io.srcn.sdk.internal.Violations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Translates a legacy {@code spec.autoScalingPolicy} ({@code minReplicas}, {@code maxReplicas},
 * {@code hpaPolicy.metrics} and {@code hpaPolicy.behavior} in {@code autoscaling/v2beta2} shape,
 * which {@code autoscaling/v2} kept) into the {@code spec.autoscaling} mapping of a spec document.
 * CPU and memory utilization or average-value targets become the policy's CPU and memory targets;
 * other metrics pass through as custom metrics.
 *
 * <p>Not thread-safe; one translation at a time.
 */
final class LegacyAutoscaling {
  private static final String FROM = "spec.autoScalingPolicy";
  private static final String TO = "spec.autoscaling";

  private final Map<String, Object> target = new LinkedHashMap<>();
  private final LegacyPaths paths;
  private final List<String> warnings;

  private LegacyAutoscaling(LegacyPaths paths, List<String> warnings) {
    this.paths = paths;
    this.warnings = warnings;
  }

  static void translate(
      Fields policy, Map<String, Object> spec, LegacyPaths paths, List<String> warnings) {
    new LegacyAutoscaling(paths, warnings).run(policy, spec);
  }

  private void run(Fields policy, Map<String, Object> spec) {
    Integer min = policy.integer("minReplicas");
    Integer max = policy.integer("maxReplicas");
    Fields hpa = policy.objectOrNull("hpaPolicy");
    unknown(policy, FROM);
    if (hpa == null) {
      warn(FROM, "has no hpaPolicy, so the legacy operator created no HPA; not carried over");
      return;
    }
    paths.map(TO, FROM);
    target.put("minReplicas", min == null ? 1 : min);
    paths.map(TO + ".minReplicas", FROM + ".minReplicas");
    if (max != null || policy.has("maxReplicas")) {
      target.put("maxReplicas", max);
      paths.map(TO + ".maxReplicas", FROM + ".maxReplicas");
    }
    List<Object> custom = new ArrayList<>();
    hpa.indexed("metrics", (i, v, o) -> metric(v, o, custom, i));
    if (!custom.isEmpty()) {
      target.put("customMetrics", custom);
    }
    Fields behavior = hpa.objectOrNull("behavior");
    if (behavior != null) {
      direction(behavior.objectOrNull("scaleUp"), "scaleUp");
      direction(behavior.objectOrNull("scaleDown"), "scaleDown");
      unknown(behavior, FROM + ".hpaPolicy.behavior");
    }
    unknown(hpa, FROM + ".hpaPolicy");
    spec.put("autoscaling", target);
  }

  private void metric(Violations v, Object tree, List<Object> custom, int i) {
    String from = FROM + ".hpaPolicy.metrics[" + i + "]";
    MetricSpec m = Attempts.model(v, tree, MetricSpec.class);
    if (m == null) {
      return;
    }
    if (!"Resource".equals(m.getType())) {
      paths.map(TO + ".customMetrics[" + custom.size() + "]", from);
      custom.add(tree);
      return;
    }
    ResourceMetricSource r = m.getResource();
    MetricTarget t = r == null ? null : r.getTarget();
    String name = r == null ? null : r.getName();
    String key = null;
    Object value = null;
    if (t != null && "Utilization".equals(t.getType()) && t.getAverageUtilization() != null) {
      key = name + "Utilization";
      value = t.getAverageUtilization();
    } else if (t != null && "AverageValue".equals(t.getType()) && t.getAverageValue() != null) {
      key = name + "AverageValue";
      value = t.getAverageValue().toString();
    }
    boolean supported = ("cpu".equals(name) || "memory".equals(name)) && key != null;
    if (!supported) {
      warn(from, "a Resource metric on " + name + " with this target cannot be carried over");
    } else if (target.containsKey("cpu".equals(name) ? "cpuUtilization" : "memoryUtilization")
        || target.containsKey(name + "AverageValue")) {
      warn(from, "a second " + name + " target is not carried over");
    } else {
      target.put(key, value);
      paths.map(TO + "." + key, from);
    }
  }

  private void direction(Fields f, String direction) {
    if (f == null) {
      return;
    }
    String from = FROM + ".hpaPolicy.behavior." + direction;
    Map<String, Object> behavior = new LinkedHashMap<>();
    Object select = f.raw("selectPolicy");
    if (select != null) {
      behavior.put("selectPolicy", select);
    }
    Object policies = f.raw("policies");
    if (policies != null) {
      behavior.put("rules", policies);
      paths.map(TO + "." + direction + ".rules", from + ".policies");
    }
    Object window = f.raw("stabilizationWindowSeconds");
    if (window != null) {
      behavior.put("stabilizationWindowSeconds", window);
    }
    unknown(f, from);
    paths.map(TO + "." + direction, from);
    target.put(direction, behavior);
  }

  private void unknown(Fields f, String path) {
    for (String key : f.unreadKeys()) {
      warn(path + "." + key, "unknown field, not carried over");
    }
  }

  private void warn(String path, String message) {
    warnings.add(path + ": " + message);
  }
}
