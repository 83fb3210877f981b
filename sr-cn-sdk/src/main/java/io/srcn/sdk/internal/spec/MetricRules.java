package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricIdentifier;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.srcn.sdk.internal.Violations;
import java.util.Set;

/**
 * Checks a custom HPA metric ({@code autoscaling/v2} {@link MetricSpec}): its type, that the source
 * matching the type is present (and no other), its metric name and its target.
 *
 * <p>Stateless and thread-safe.
 */
final class MetricRules {
  private static final Set<String> TYPES =
      Set.of("Pods", "Object", "External", "ContainerResource");

  private MetricRules() {}

  static void check(Violations v, MetricSpec m) {
    Fabric8Objects.unknownFields(v, m);
    String type = m.getType();
    if ("Resource".equals(type)) {
      v.add(
          "type",
          "Resource metrics are set with onCpu/onMemory/onCpuAverage/onMemoryAverage, not as"
              + " custom metrics");
      return;
    }
    if (type == null || !TYPES.contains(type)) {
      v.add("type", quote(type) + " must be one of Pods, Object, External, ContainerResource");
      return;
    }
    int sources =
        count(m.getPods())
            + count(m.getObject())
            + count(m.getExternal())
            + count(m.getContainerResource())
            + count(m.getResource());
    v.require(
        sources <= 1,
        "",
        () -> "a metric of type " + type + " must set only '" + field(type) + "'");
    switch (type) {
      case "Pods" -> pods(v.child("pods"), m);
      case "Object" -> object(v.child("object"), m);
      case "External" -> external(v.child("external"), m);
      default -> containerResource(v.child("containerResource"), m);
    }
  }

  private static void pods(Violations v, MetricSpec m) {
    if (m.getPods() == null) {
      v.add("", "is required for a Pods metric");
      return;
    }
    metric(v, m.getPods().getMetric());
    target(v, m.getPods().getTarget(), Set.of("AverageValue"));
  }

  private static void object(Violations v, MetricSpec m) {
    if (m.getObject() == null) {
      v.add("", "is required for an Object metric");
      return;
    }
    var d = m.getObject().getDescribedObject();
    v.require(
        d != null && notEmpty(d.getKind()) && notEmpty(d.getName()),
        "describedObject",
        "kind and name are required");
    metric(v, m.getObject().getMetric());
    target(v, m.getObject().getTarget(), Set.of("Value", "AverageValue"));
  }

  private static void external(Violations v, MetricSpec m) {
    if (m.getExternal() == null) {
      v.add("", "is required for an External metric");
      return;
    }
    metric(v, m.getExternal().getMetric());
    target(v, m.getExternal().getTarget(), Set.of("Value", "AverageValue"));
  }

  private static void containerResource(Violations v, MetricSpec m) {
    var c = m.getContainerResource();
    if (c == null) {
      v.add("", "is required for a ContainerResource metric");
      return;
    }
    v.require(notEmpty(c.getName()), "name", "the resource name is required");
    v.require(notEmpty(c.getContainer()), "container", "the container name is required");
    target(v, c.getTarget(), Set.of("Utilization", "AverageValue"));
  }

  private static void metric(Violations v, MetricIdentifier id) {
    v.require(id != null && notEmpty(id.getName()), "metric.name", "the metric name is required");
  }

  private static void target(Violations v, MetricTarget t, Set<String> allowed) {
    if (t == null) {
      v.add("target", "is required");
      return;
    }
    String type = t.getType();
    if (type == null || !allowed.contains(type)) {
      v.add("target.type", quote(type) + " must be one of " + String.join(", ", sorted(allowed)));
      return;
    }
    switch (type) {
      case "Utilization" -> {
        Integer u = t.getAverageUtilization();
        v.require(u != null && u > 0, "target.averageUtilization", () -> u + " must be > 0");
      }
      case "Value" -> quantity(v, "target.value", t.getValue());
      default -> quantity(v, "target.averageValue", t.getAverageValue());
    }
  }

  private static void quantity(Violations v, String field, Quantity q) {
    String text = q == null ? null : q.toString();
    v.require(
        text != null && Quantities.isValid(text),
        field,
        () -> quote(text) + " must be " + Quantities.SYNTAX_HINT);
  }

  private static String field(String type) {
    return Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }

  private static int count(Object o) {
    return o == null ? 0 : 1;
  }

  private static boolean notEmpty(String s) {
    return s != null && !s.isEmpty();
  }

  private static String quote(String s) {
    return s == null ? "null" : Violations.quote(s);
  }

  private static java.util.List<String> sorted(Set<String> s) {
    return s.stream().sorted().toList();
  }
}
