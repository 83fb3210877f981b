package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicyBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRulesBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehavior;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBehaviorBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ScalingBehavior;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.naming.Names;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Renders the HorizontalPodAutoscaler {@code g-cn-autoscaler}: it targets the StatefulSet, with the
 * policy's replica bounds, metrics ({@link Autoscaling#effectiveMetrics()}) and behavior. A
 * direction without rules gets no {@code policies}, so Kubernetes fills in its defaults; a disabled
 * direction only says {@code selectPolicy: Disabled}.
 *
 * <p>Stateless and thread-safe.
 */
final class HpaRenderer {
  private HpaRenderer() {}

  /** The HPA in {@code autoscaling/v2}, or empty when the spec has no autoscaling. */
  static Optional<HorizontalPodAutoscaler> autoscaler(
      ComputeNodeGroupSpec spec, RenderOptions options) {
    return spec.autoscaling().map(a -> render(spec, a, options));
  }

  /**
   * The same HPA in {@code version}: {@code autoscaling/v2beta2} has the same shape for everything
   * the SDK renders (metrics, behavior, target), so only the apiVersion changes.
   */
  static HasMetadata inVersion(HorizontalPodAutoscaler hpa, HpaVersion version) {
    if (version == HpaVersion.V2) {
      return hpa;
    }
    Map<String, Object> tree = Json.toMap(hpa);
    tree.put("apiVersion", version.apiVersion());
    return Json.convert(
        tree, io.fabric8.kubernetes.api.model.autoscaling.v2beta2.HorizontalPodAutoscaler.class);
  }

  private static HorizontalPodAutoscaler render(
      ComputeNodeGroupSpec spec, Autoscaling a, RenderOptions options) {
    String group = spec.name();
    HorizontalPodAutoscalerBehavior behavior = behavior(a);
    return new HorizontalPodAutoscalerBuilder()
        .withMetadata(ObjectMetas.owned(group, spec.namespace(), Names.autoscaler(group), options))
        .withNewSpec()
        .withNewScaleTargetRef()
        .withApiVersion("apps/v1")
        .withKind("StatefulSet")
        .withName(Names.statefulSet(group))
        .endScaleTargetRef()
        .withMinReplicas(a.minReplicas())
        .withMaxReplicas(a.maxReplicas())
        .withMetrics(
            a.effectiveMetrics().stream().map(m -> new MetricSpecBuilder(m).build()).toList())
        .withBehavior(behavior)
        .endSpec()
        .build();
  }

  private static HorizontalPodAutoscalerBehavior behavior(Autoscaling a) {
    if (a.scaleUp().isEmpty() && a.scaleDown().isEmpty()) {
      return null;
    }
    return new HorizontalPodAutoscalerBehaviorBuilder()
        .withScaleUp(a.scaleUp().map(HpaRenderer::rules).orElse(null))
        .withScaleDown(a.scaleDown().map(HpaRenderer::rules).orElse(null))
        .build();
  }

  private static HPAScalingRules rules(ScalingBehavior b) {
    List<HPAScalingPolicy> policies = b.rules().stream().map(HpaRenderer::policy).toList();
    return new HPAScalingRulesBuilder()
        .withPolicies(policies.isEmpty() ? null : policies)
        .withSelectPolicy(b.selectPolicy().kubernetesName())
        .withStabilizationWindowSeconds(
            b.stabilizationWindow().map(d -> (int) d.toSeconds()).orElse(null))
        .build();
  }

  private static HPAScalingPolicy policy(ScalingRule r) {
    return new HPAScalingPolicyBuilder()
        .withType(r.type().kubernetesName())
        .withValue(r.value())
        .withPeriodSeconds((int) r.period().toSeconds())
        .build();
  }
}
