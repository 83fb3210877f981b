package io.srcn.testkit.k8s.internal.hpa;

import io.srcn.testkit.k8s.internal.Json;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one HPA metric plus the values tests set into a replica proposal and its {@code
 * currentMetrics} status entry.
 *
 * <p>Stateless apart from its inputs; thread-safe.
 */
final class MetricEvaluator {
  /** A metric that could not be evaluated; becomes a ScalingActive=False condition. */
  static final class MetricException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String reason;

    MetricException(String reason, String message) {
      super(message);
      this.reason = reason;
    }
  }

  /**
   * A proposal and the status entry.
   *
   * @param replicas proposed replicas
   * @param status the currentMetrics entry
   * @param description what the proposal came from, for the ValidMetricFound message
   */
  record Evaluation(int replicas, ObjectNode status, String description) {}

  /** What one HPA sync sees. */
  record Context(
      JsonNode hpaObject,
      String namespace,
      String hpa,
      String target,
      int current,
      int statusReplicas,
      List<JsonNode> pods) {}

  /** Annotation prefix of metric values on pods and HPAs ({@code metrics.srcn.io/cpu: "90"}). */
  static final String ANNOTATION_PREFIX = "metrics.srcn.io/";

  private final MetricValues values;

  MetricEvaluator(MetricValues values) {
    this.values = values;
  }

  Evaluation evaluate(HpaSpec.MetricSpec m, Context ctx) {
    switch (m.type()) {
      case "Resource":
      case "ContainerResource":
        return resource(m, ctx);
      case "Pods":
        return pods(m, ctx);
      case "Object":
      case "External":
        return single(m, ctx);
      default:
        throw new MetricException(
            "InvalidMetricSourceType", "unknown metric source type \"" + m.type() + "\"");
    }
  }

  private Evaluation resource(HpaSpec.MetricSpec m, Context ctx) {
    String reason = "Failed" + "Get" + m.type() + "Metric";
    List<PodSample> samples = new ArrayList<>();
    for (JsonNode pod : ctx.pods()) {
      String name = Json.text(pod, "metadata", "name");
      Double pct =
          orAnnotated(values.resource(ctx.namespace(), ctx.target(), name, m.name()), pod, ctx, m);
      Double v = pct;
      if (pct != null && !"Utilization".equals(m.targetType())) {
        double request = request(pod, m.name());
        if (request <= 0) {
          throw new MetricException(reason, "missing request for " + m.name() + " in pod " + name);
        }
        v = pct * request / 100.0;
      }
      samples.add(sample(pod, v));
    }
    boolean cpu = "cpu".equals(m.name());
    double fallback = "Utilization".equals(m.targetType()) ? Math.max(100, m.target()) : m.target();
    ReplicaCalculator.Proposal p = calculate(reason, m, ctx, samples, cpu, fallback);
    ObjectNode status = entry(m);
    ObjectNode current = ((ObjectNode) status.get(field(m.type()))).putObject("current");
    if ("Utilization".equals(m.targetType())) {
      current.put("averageUtilization", (int) Math.floor(p.usage()));
    } else {
      current.put("averageValue", Quantities.format(p.usage()));
    }
    String what =
        "Utilization".equals(m.targetType())
            ? m.name() + " resource utilization (percentage of request)"
            : m.name() + " resource";
    return new Evaluation(p.replicas(), status, what);
  }

  private Evaluation pods(HpaSpec.MetricSpec m, Context ctx) {
    List<PodSample> samples = new ArrayList<>();
    for (JsonNode pod : ctx.pods()) {
      samples.add(
          sample(
              pod,
              orAnnotated(
                  values.podMetric(
                      ctx.namespace(), ctx.hpa(), Json.text(pod, "metadata", "name"), m.name()),
                  pod,
                  ctx,
                  m)));
    }
    ReplicaCalculator.Proposal p =
        calculate("FailedGetPodsMetric", m, ctx, samples, false, m.target());
    ObjectNode status = entry(m);
    ((ObjectNode) status.get("pods"))
        .putObject("current")
        .put("averageValue", Quantities.format(p.usage()));
    return new Evaluation(p.replicas(), status, "pods metric " + m.name());
  }

  private Evaluation single(HpaSpec.MetricSpec m, Context ctx) {
    Double usage =
        orAnnotated(
            values.hpaMetric(ctx.namespace(), ctx.hpa(), m.name()), ctx.hpaObject(), ctx, m);
    String field = field(m.type());
    if (usage == null) {
      throw new MetricException(
          "FailedGet" + m.type() + "Metric",
          "unable to get "
              + field
              + " metric "
              + m.name()
              + ": no value set (use hpa().setMetric)");
    }
    int replicas;
    ObjectNode status = entry(m);
    ObjectNode current = ((ObjectNode) status.get(field)).putObject("current");
    if ("AverageValue".equals(m.targetType())) {
      replicas =
          ReplicaCalculator.averageValue(
              ctx.statusReplicas(), usage, m.target(), ReplicaCalculator.TOLERANCE);
      current.put("averageValue", Quantities.format(usage / Math.max(1, ctx.statusReplicas())));
    } else {
      int ready = (int) ctx.pods().stream().filter(MetricEvaluator::ready).count();
      replicas =
          ReplicaCalculator.value(
              ctx.current(), ready, usage, m.target(), ReplicaCalculator.TOLERANCE);
      current.put("value", Quantities.format(usage));
    }
    return new Evaluation(replicas, status, field + " metric " + m.name());
  }

  private static ReplicaCalculator.Proposal calculate(
      String reason,
      HpaSpec.MetricSpec m,
      Context ctx,
      List<PodSample> samples,
      boolean cpu,
      double fallback) {
    try {
      return ReplicaCalculator.perPod(
          ctx.current(), samples, m.target(), cpu, fallback, ReplicaCalculator.TOLERANCE);
    } catch (IllegalStateException e) {
      throw new MetricException(reason, "unable to get metric " + m.name() + ": " + e.getMessage());
    }
  }

  /**
   * A value set in code, else the {@value #ANNOTATION_PREFIX}{@code <metric>} annotation of the
   * object, else of the HPA (so kubectl users of the standalone server can drive the simulator).
   */
  private static Double orAnnotated(
      Double value, JsonNode object, Context ctx, HpaSpec.MetricSpec m) {
    if (value != null) {
      return value;
    }
    String key = ANNOTATION_PREFIX + m.name();
    String text = Json.text(object.path("metadata").path("annotations"), key);
    if (text == null) {
      text = Json.text(ctx.hpaObject().path("metadata").path("annotations"), key);
    }
    if (text == null) {
      return null;
    }
    try {
      return Quantities.parse(text);
    } catch (IllegalArgumentException e) {
      throw new MetricException("InvalidMetricValue", "annotation " + key + ": " + e.getMessage());
    }
  }

  private static PodSample sample(JsonNode pod, Double value) {
    String phase = Json.text(pod, "status", "phase");
    boolean ignored =
        pod.path("metadata").hasNonNull("deletionTimestamp") || "Failed".equals(phase);
    boolean pending = phase == null || "Pending".equals(phase);
    return new PodSample(Json.text(pod, "metadata", "name"), ignored, pending, ready(pod), value);
  }

  static boolean ready(JsonNode pod) {
    for (JsonNode c : pod.path("status").path("conditions")) {
      if ("Ready".equals(Json.text(c, "type"))) {
        return "True".equals(Json.text(c, "status"));
      }
    }
    return false;
  }

  private static double request(JsonNode pod, String resource) {
    double total = 0;
    for (JsonNode c : pod.path("spec").path("containers")) {
      String q = Json.text(c, "resources", "requests", resource);
      if (q == null) {
        return 0;
      }
      total += Quantities.parse(q);
    }
    return total;
  }

  private static ObjectNode entry(HpaSpec.MetricSpec m) {
    ObjectNode status = Json.object();
    status.put("type", m.type());
    ObjectNode source = status.putObject(field(m.type()));
    if (m.type().equals("Resource") || m.type().equals("ContainerResource")) {
      source.put("name", m.name());
      if (m.source().has("container")) {
        source.set("container", m.source().get("container"));
      }
    } else {
      source.set("metric", m.source().path("metric").deepCopy());
      if (m.source().has("describedObject")) {
        source.set("describedObject", m.source().get("describedObject").deepCopy());
      }
    }
    return status;
  }

  private static String field(String type) {
    return Character.toLowerCase(type.charAt(0)) + type.substring(1);
  }
}
