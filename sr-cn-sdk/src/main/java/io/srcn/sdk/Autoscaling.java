package io.srcn.sdk;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.spec.AutoscalingRules;
import io.srcn.sdk.internal.spec.Fabric8Objects;
import io.srcn.sdk.internal.spec.SpecRules;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.UnaryOperator;
import org.immutables.value.Value;

/**
 * The autoscaling policy of a CN group, rendered as an {@code autoscaling/v2}
 * HorizontalPodAutoscaler on the group's StatefulSet.
 *
 * <pre>{@code
 * Autoscaling.between(1, 10).onCpu(60).onMemory(30)
 *     .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
 *     .scaleDownDisabled()
 * }</pre>
 *
 * <p>Targets: CPU and memory each take either an average utilization (percent of the request) or an
 * average value (a quantity), not both. Custom metrics (fabric8 {@link MetricSpec} of type {@code
 * Pods}, {@code Object}, {@code External} or {@code ContainerResource}) pass through unchanged.
 * When no metric at all is given, the HPA scales on CPU at 80 % average utilization, as Kubernetes
 * does; see {@link #effectiveMetrics()}.
 *
 * <p>Immutable and thread-safe; every fluent method returns a new value. fabric8 objects are copied
 * on the way in; those returned by {@link #customMetrics()} must not be modified.
 */
@Value.Immutable
@SdkStyle
public abstract class Autoscaling {
  /** The largest replica count the SDK accepts. */
  public static final int MAX_REPLICAS = 1000;

  /** The CPU utilization Kubernetes targets when an HPA has no metric. */
  public static final int DEFAULT_CPU_UTILIZATION = 80;

  Autoscaling() {}

  /** Scale between {@code min} and {@code max} replicas ({@code 1 <= min <= max <= 1000}). */
  public static Autoscaling between(int min, int max) {
    return ImmutableAutoscaling.builder().minReplicas(min).maxReplicas(max).build();
  }

  /** The lower bound, 1..1000. */
  public abstract int minReplicas();

  /** The upper bound, minReplicas..1000. */
  public abstract int maxReplicas();

  /** Target average CPU utilization in percent of the request, 1..100. */
  public abstract OptionalInt cpuUtilization();

  /** Target average memory utilization in percent of the request, 1..100. */
  public abstract OptionalInt memoryUtilization();

  /** Target average CPU usage per pod, a quantity such as {@code 2} or {@code 1500m}. */
  public abstract Optional<String> cpuAverageValue();

  /** Target average memory usage per pod, a quantity such as {@code 12Gi}. */
  public abstract Optional<String> memoryAverageValue();

  /** Further metrics, passed through to the HPA. Do not modify the returned objects. */
  public abstract List<MetricSpec> customMetrics();

  /** Scale-up behavior; empty means the Kubernetes defaults. */
  public abstract Optional<ScalingBehavior> scaleUp();

  /** Scale-down behavior; empty means the Kubernetes defaults. */
  public abstract Optional<ScalingBehavior> scaleDown();

  /**
   * The metrics to render: CPU, memory, then the custom metrics. None given means CPU at 80 %
   * average utilization, which is what Kubernetes does for an HPA without metrics. Returns fresh
   * copies.
   */
  public List<MetricSpec> effectiveMetrics() {
    return AutoscalingRules.effectiveMetrics(this);
  }

  /** A copy targeting CPU at {@code pct} percent (1..100) average utilization. */
  public Autoscaling onCpu(int pct) {
    return copy(b -> b.cpuUtilization(pct));
  }

  /** A copy targeting memory at {@code pct} percent (1..100) average utilization. */
  public Autoscaling onMemory(int pct) {
    return copy(b -> b.memoryUtilization(pct));
  }

  /** A copy targeting an average CPU usage per pod, e.g. {@code 1500m}. */
  public Autoscaling onCpuAverage(String quantity) {
    return copy(b -> b.cpuAverageValue(SpecRules.nonNull("autoscaling.cpuAverageValue", quantity)));
  }

  /** A copy targeting an average memory usage per pod, e.g. {@code 12Gi}. */
  public Autoscaling onMemoryAverage(String quantity) {
    return copy(
        b -> b.memoryAverageValue(SpecRules.nonNull("autoscaling.memoryAverageValue", quantity)));
  }

  /** A copy with one more custom metric (copied). */
  public Autoscaling onMetric(MetricSpec metric) {
    MetricSpec copy =
        Fabric8Objects.copy(
            SpecRules.nonNull("autoscaling.customMetrics", metric), MetricSpec.class);
    return copy(b -> b.addCustomMetrics(copy));
  }

  /**
   * A copy whose scale-up follows these rules (replacing earlier ones). Pass at least one rule:
   * {@code scaleUp()} without arguments is the accessor.
   */
  public Autoscaling scaleUp(ScalingRule... rules) {
    return withScaleUp(
        behavior(scaleUp()).rules(SpecRules.elements("autoscaling.scaleUp", rules)).build());
  }

  /** A copy whose scale-down follows these rules (replacing earlier ones). */
  public Autoscaling scaleDown(ScalingRule... rules) {
    return withScaleDown(
        behavior(scaleDown()).rules(SpecRules.elements("autoscaling.scaleDown", rules)).build());
  }

  /** A copy with this scale-up stabilization window (0..3600 whole seconds). */
  public Autoscaling scaleUpStabilization(Duration window) {
    return withScaleUp(
        behavior(scaleUp())
            .stabilizationWindow(
                SpecRules.nonNull("autoscaling.scaleUp.stabilizationWindow", window))
            .build());
  }

  /** A copy with this scale-down stabilization window (0..3600 whole seconds). */
  public Autoscaling scaleDownStabilization(Duration window) {
    return withScaleDown(
        behavior(scaleDown())
            .stabilizationWindow(
                SpecRules.nonNull("autoscaling.scaleDown.stabilizationWindow", window))
            .build());
  }

  /** A copy with this scale-up select policy. */
  public Autoscaling scaleUpSelect(SelectPolicy policy) {
    return withScaleUp(
        behavior(scaleUp())
            .selectPolicy(SpecRules.nonNull("autoscaling.scaleUp.selectPolicy", policy))
            .build());
  }

  /** A copy with this scale-down select policy. */
  public Autoscaling scaleDownSelect(SelectPolicy policy) {
    return withScaleDown(
        behavior(scaleDown())
            .selectPolicy(SpecRules.nonNull("autoscaling.scaleDown.selectPolicy", policy))
            .build());
  }

  /** A copy that never scales up (select policy {@link SelectPolicy#DISABLED}). */
  public Autoscaling scaleUpDisabled() {
    return scaleUpSelect(SelectPolicy.DISABLED);
  }

  /** A copy that never scales down (select policy {@link SelectPolicy#DISABLED}). */
  public Autoscaling scaleDownDisabled() {
    return scaleDownSelect(SelectPolicy.DISABLED);
  }

  @Value.Check
  void check() {
    AutoscalingRules.check(this).throwIfAny();
  }

  private Autoscaling withScaleUp(ScalingBehavior behavior) {
    return copy(b -> b.scaleUp(behavior));
  }

  private Autoscaling withScaleDown(ScalingBehavior behavior) {
    return copy(b -> b.scaleDown(behavior));
  }

  private static ImmutableScalingBehavior.Builder behavior(Optional<ScalingBehavior> current) {
    return ImmutableScalingBehavior.builder().from(current.orElseGet(ScalingBehavior::empty));
  }

  private Autoscaling copy(UnaryOperator<ImmutableAutoscaling.Builder> change) {
    return change.apply(ImmutableAutoscaling.builder().from(this)).build();
  }
}
