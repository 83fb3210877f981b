package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTargetBuilder;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ScalingBehavior;
import io.srcn.sdk.internal.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The validation rules of {@link Autoscaling} and the metrics it renders.
 *
 * <p>Stateless and thread-safe.
 */
public final class AutoscalingRules {
  /** The longest stabilization window Kubernetes accepts. */
  public static final Duration MAX_STABILIZATION = Duration.ofSeconds(3600);

  private AutoscalingRules() {}

  /** Every violation of an autoscaling policy, under the path {@code autoscaling}. */
  public static Violations check(Autoscaling a) {
    Violations v = new Violations("autoscaling");
    v.range("minReplicas", a.minReplicas(), 1, Autoscaling.MAX_REPLICAS);
    v.range("maxReplicas", a.maxReplicas(), 1, Autoscaling.MAX_REPLICAS);
    v.require(
        a.minReplicas() <= a.maxReplicas(),
        "minReplicas",
        () -> a.minReplicas() + " must be <= maxReplicas " + a.maxReplicas());
    target(v, "cpu", a.cpuUtilization(), a.cpuAverageValue());
    target(v, "memory", a.memoryUtilization(), a.memoryAverageValue());
    for (int i = 0; i < a.customMetrics().size(); i++) {
      MetricRules.check(v.child("customMetrics[" + i + "]"), a.customMetrics().get(i));
    }
    a.scaleUp().ifPresent(b -> behavior(v.child("scaleUp"), b));
    a.scaleDown().ifPresent(b -> behavior(v.child("scaleDown"), b));
    return v;
  }

  /** The metrics an HPA for this policy has: CPU, memory, custom; CPU 80 % when none (copies). */
  public static List<MetricSpec> effectiveMetrics(Autoscaling a) {
    List<MetricSpec> metrics = new ArrayList<>();
    resourceMetric("cpu", a.cpuUtilization(), a.cpuAverageValue()).ifPresent(metrics::add);
    resourceMetric("memory", a.memoryUtilization(), a.memoryAverageValue()).ifPresent(metrics::add);
    a.customMetrics().forEach(m -> metrics.add(new MetricSpecBuilder(m).build()));
    if (metrics.isEmpty()) {
      metrics.add(
          resourceMetric(
                  "cpu", OptionalInt.of(Autoscaling.DEFAULT_CPU_UTILIZATION), Optional.empty())
              .orElseThrow());
    }
    return List.copyOf(metrics);
  }

  private static void target(
      Violations v, String resource, OptionalInt utilization, Optional<String> averageValue) {
    utilization.ifPresent(u -> v.range(resource + "Utilization", u, 1, 100));
    averageValue.ifPresent(
        q ->
            v.require(
                Quantities.isPositive(q),
                resource + "AverageValue",
                () ->
                    Violations.quote(q)
                        + " must be "
                        + Quantities.SYNTAX_HINT
                        + ", greater than 0"));
    v.require(
        utilization.isEmpty() || averageValue.isEmpty(),
        resource + "AverageValue",
        () ->
            "conflicts with "
                + resource
                + "Utilization "
                + utilization.orElse(0)
                + ": a resource has either a utilization or an average value target, not both");
  }

  private static void behavior(Violations v, ScalingBehavior b) {
    b.stabilizationWindow()
        .ifPresent(
            w ->
                v.require(
                    w.getNano() == 0 && !w.isNegative() && w.compareTo(MAX_STABILIZATION) <= 0,
                    "stabilizationWindow",
                    () -> w + " must be 0..3600 whole seconds"));
  }

  private static Optional<MetricSpec> resourceMetric(
      String resource, OptionalInt utilization, Optional<String> averageValue) {
    MetricTarget target;
    if (utilization.isPresent()) {
      target =
          new MetricTargetBuilder()
              .withType("Utilization")
              .withAverageUtilization(utilization.getAsInt())
              .build();
    } else if (averageValue.isPresent()) {
      target =
          new MetricTargetBuilder()
              .withType("AverageValue")
              .withAverageValue(new Quantity(averageValue.get()))
              .build();
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new MetricSpecBuilder()
            .withType("Resource")
            .withNewResource()
            .withName(resource)
            .withTarget(target)
            .endResource()
            .build());
  }
}
