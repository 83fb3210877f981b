package io.srcn.testkit.k8s.internal.hpa;

import io.srcn.testkit.k8s.internal.ApiException;
import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.ApiResources;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.ObjectFilter;
import io.srcn.testkit.k8s.internal.Selectors;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One sync of every HPA: read the target's scale and pods, evaluate the metrics, normalize with the
 * HPA's behavior, rescale through {@code /scale}, write the status.
 *
 * <p>Runs on the controllers' single thread only.
 */
final class HpaController {
  private static final Logger LOG = LoggerFactory.getLogger(HpaController.class);

  private final InternalClient client;
  private final ApiResources resources;
  private final ApiResource pods;
  private final MetricEvaluator evaluator;
  private final Map<String, ScalingBehavior> behaviors = new HashMap<>();

  HpaController(InternalClient client, ApiResources resources, MetricValues values) {
    this.client = client;
    this.resources = resources;
    this.pods = resources.find("", "v1", "pods").orElseThrow();
    this.evaluator = new MetricEvaluator(values);
  }

  void syncAll(Instant now) {
    Set<String> seen = new HashSet<>();
    for (ApiResource r : resources.all()) {
      if (!r.plural().equals("horizontalpodautoscalers") || resources.storageOf(r) != r) {
        continue; // other versions show the same stored objects
      }
      for (ObjectNode hpa : client.list(r, null, ObjectFilter.labels(null))) {
        String uid = Json.text(hpa, "metadata", "uid");
        seen.add(uid);
        try {
          sync(r, hpa, behaviors.computeIfAbsent(uid, u -> new ScalingBehavior()), now);
        } catch (RuntimeException e) {
          LOG.debug("HPA {} sync failed: {}", Json.text(hpa, "metadata", "name"), e.toString());
        }
      }
    }
    behaviors.keySet().retainAll(seen);
  }

  private void sync(ApiResource r, ObjectNode hpa, ScalingBehavior behavior, Instant now) {
    String ns = Json.text(hpa, "metadata", "namespace");
    String name = Json.text(hpa, "metadata", "name");
    Conditions conditions = new Conditions(hpa.path("status").path("conditions"), now);
    HpaSpec spec;
    try {
      spec = HpaSpec.parse(hpa);
    } catch (IllegalArgumentException e) {
      conditions.set("ScalingActive", false, "InvalidMetricSourceType", e.getMessage());
      writeStatus(r, hpa, null, -1, null, conditions, null);
      return;
    }
    Optional<ApiResource> targetType = scalable(spec.targetApiVersion(), spec.targetKind());
    Optional<ObjectNode> target = targetType.flatMap(t -> client.get(t, ns, spec.targetName()));
    if (target.isEmpty()) {
      conditions.set(
          "AbleToScale",
          false,
          "FailedGetScale",
          "the HPA controller was unable to get the target's current scale: "
              + spec.targetKind()
              + " \""
              + spec.targetName()
              + "\" not found");
      writeStatus(r, hpa, null, -1, null, conditions, null);
      return;
    }
    int current = target.get().path("spec").path("replicas").asInt(1);
    int statusReplicas = target.get().path("status").path("replicas").asInt(0);
    conditions.set(
        "AbleToScale",
        true,
        "SucceededGetScale",
        "the HPA controller was able to get the target's current scale");
    ArrayNode currentMetrics = Json.array();
    int desired =
        desired(
            spec,
            behavior,
            conditions,
            currentMetrics,
            now,
            new MetricEvaluator.Context(
                hpa,
                ns,
                name,
                spec.targetName(),
                current,
                statusReplicas,
                podsOf(ns, target.get())));
    if (desired < 0) {
      writeStatus(r, hpa, statusReplicas, -1, currentMetrics, conditions, null);
      return;
    }
    String lastScale = null;
    if (desired != current) {
      ObjectNode patch = Json.object();
      patch.putObject("spec").put("replicas", desired);
      client.mergePatch(targetType.get(), ns, spec.targetName(), "scale", patch);
      behavior.recordScale(now, spec.up(), spec.down(), current, desired);
      conditions.set(
          "AbleToScale",
          true,
          "SucceededRescale",
          "the HPA controller was able to update the target scale to " + desired);
      lastScale = now.truncatedTo(ChronoUnit.SECONDS).toString();
    }
    writeStatus(r, hpa, statusReplicas, desired, currentMetrics, conditions, lastScale);
  }

  /** The desired replicas, or -1 when no metric could be evaluated (conditions say why). */
  private int desired(
      HpaSpec spec,
      ScalingBehavior behavior,
      Conditions conditions,
      ArrayNode currentMetrics,
      Instant now,
      MetricEvaluator.Context ctx) {
    int current = ctx.current();
    if (current == 0 && spec.min() != 0) {
      conditions.set(
          "ScalingActive",
          false,
          "ScalingDisabled",
          "scaling is disabled since the replica count of the target is zero");
      return 0;
    }
    if (current > spec.max()) {
      conditions.set(
          "ScalingLimited",
          true,
          "TooManyReplicas",
          "the desired replica count is more than the maximum replica count");
      return spec.max();
    }
    if (current < spec.min()) {
      conditions.set(
          "ScalingLimited",
          true,
          "TooFewReplicas",
          "the desired replica count is less than the minimum replica count");
      return spec.min();
    }
    int proposal = -1;
    String chosen = null;
    MetricEvaluator.MetricException firstError = null;
    int invalid = 0;
    for (HpaSpec.MetricSpec m : spec.metrics()) {
      try {
        MetricEvaluator.Evaluation e = evaluator.evaluate(m, ctx);
        currentMetrics.add(e.status());
        if (proposal < 0 || e.replicas() > proposal) {
          proposal = e.replicas();
          chosen = e.description();
        }
      } catch (MetricEvaluator.MetricException e) {
        firstError = firstError == null ? e : firstError;
        invalid++;
      }
    }
    if (invalid >= spec.metrics().size() || (invalid > 0 && proposal < current)) {
      conditions.set("ScalingActive", false, firstError.reason, firstError.getMessage());
      return -1;
    }
    conditions.set(
        "ScalingActive",
        true,
        "ValidMetricFound",
        "the HPA was able to successfully calculate a replica count from " + chosen);
    ScalingBehavior.Result result =
        behavior.normalize(now, spec.up(), spec.down(), current, proposal, spec.min(), spec.max());
    conditions.set("AbleToScale", true, result.ableReason(), result.ableMessage());
    conditions.set("ScalingLimited", result.limited(), result.limitReason(), result.limitMessage());
    return result.replicas();
  }

  private List<JsonNode> podsOf(String ns, ObjectNode target) {
    JsonNode selector = target.path("spec").path("selector");
    String s = selector.isObject() ? Selectors.toString(selector) : "";
    if (s.isEmpty()) {
      return List.of();
    }
    return new ArrayList<>(client.list(pods, ns, ObjectFilter.labels(s)));
  }

  private Optional<ApiResource> scalable(String apiVersion, String kind) {
    return resources.all().stream()
        .filter(r -> r.hasScale() && r.groupVersion().equals(apiVersion) && r.kind().equals(kind))
        .findFirst();
  }

  private void writeStatus(
      ApiResource r,
      ObjectNode hpa,
      Integer currentReplicas,
      int desired,
      ArrayNode metrics,
      Conditions conditions,
      String lastScaleTime) {
    JsonNode old = hpa.path("status");
    ObjectNode status = Json.object();
    status.put("observedGeneration", hpa.path("metadata").path("generation").asLong(1));
    String last = lastScaleTime != null ? lastScaleTime : Json.text(old, "lastScaleTime");
    if (last != null) {
      status.put("lastScaleTime", last);
    }
    status.put(
        "currentReplicas",
        currentReplicas != null ? currentReplicas : old.path("currentReplicas").asInt(0));
    status.put("desiredReplicas", desired >= 0 ? desired : old.path("desiredReplicas").asInt(0));
    if (r.version().equals("v1")) {
      JsonNode cpu =
          metrics == null
              ? null
              : metrics.path(0).path("resource").path("current").path("averageUtilization");
      if (cpu != null && cpu.isNumber()) {
        status.put("currentCPUUtilizationPercentage", cpu.asInt());
      }
    } else {
      if (metrics != null && !metrics.isEmpty()) {
        status.set("currentMetrics", metrics);
      }
      status.set("conditions", conditions.toJson());
    }
    if (!status.equals(old)) {
      try {
        client.put(
            r,
            Json.text(hpa, "metadata", "namespace"),
            Json.text(hpa, "metadata", "name"),
            "status",
            withStatus(hpa, status));
      } catch (ApiException e) {
        LOG.debug("HPA status write failed: {}", e.getMessage());
      }
    }
  }

  private static ObjectNode withStatus(ObjectNode hpa, ObjectNode status) {
    ObjectNode copy = hpa.deepCopy();
    copy.set("status", status);
    Json.metadata(copy).remove("resourceVersion");
    return copy;
  }
}
