package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingPolicy;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HPAScalingRules;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import java.util.List;

/** The HorizontalPodAutoscaler part of {@link KubernetesValidation}. */
final class HpaValidation {
  private final KubernetesValidation v;

  HpaValidation(KubernetesValidation v) {
    this.v = v;
  }

  void hpa(HorizontalPodAutoscaler h) {
    HorizontalPodAutoscalerSpec s = h.getSpec();
    v.check(s.getMinReplicas() == null || s.getMinReplicas() >= 1, "spec.minReplicas", ">= 1");
    int min = s.getMinReplicas() == null ? 1 : s.getMinReplicas();
    v.check(s.getMaxReplicas() != null && s.getMaxReplicas() >= min, "spec.maxReplicas", ">= min");
    v.check(
        s.getScaleTargetRef().getKind() != null && s.getScaleTargetRef().getName() != null,
        "spec.scaleTargetRef",
        "kind and name");
    for (int i = 0; i < s.getMetrics().size(); i++) {
      metric("spec.metrics[" + i + "]", s.getMetrics().get(i));
    }
    if (s.getBehavior() != null) {
      rules("spec.behavior.scaleUp", s.getBehavior().getScaleUp());
      rules("spec.behavior.scaleDown", s.getBehavior().getScaleDown());
    }
  }

  private void metric(String path, MetricSpec m) {
    String type = m.getType();
    v.check(
        List.of("Resource", "Pods", "Object", "External", "ContainerResource").contains(type),
        path + ".type",
        "known metric type");
    MetricTarget target =
        switch (type) {
          case "Resource" -> m.getResource().getTarget();
          case "Pods" -> m.getPods().getTarget();
          case "Object" -> m.getObject().getTarget();
          case "External" -> m.getExternal().getTarget();
          case "ContainerResource" -> m.getContainerResource().getTarget();
          default -> null;
        };
    if (target == null) {
      v.check(false, path, "a target for its type");
      return;
    }
    switch (target.getType()) {
      case "Utilization" ->
          v.check(
              target.getAverageUtilization() != null && target.getAverageUtilization() > 0,
              path + ".target.averageUtilization",
              "> 0");
      case "AverageValue" ->
          v.quantity(path + ".target.averageValue", target.getAverageValue(), true);
      case "Value" -> v.quantity(path + ".target.value", target.getValue(), true);
      default -> v.check(false, path + ".target.type", "Utilization, Value or AverageValue");
    }
  }

  private void rules(String path, HPAScalingRules r) {
    if (r == null) {
      return;
    }
    Integer window = r.getStabilizationWindowSeconds();
    v.check(
        window == null || (window >= 0 && window <= 3600),
        path + ".stabilizationWindowSeconds",
        "0..3600");
    v.check(
        r.getSelectPolicy() == null
            || KubernetesValidation.SELECT_POLICIES.contains(r.getSelectPolicy()),
        path + ".selectPolicy",
        "Max, Min or Disabled");
    // No policies is valid: the API server fills in its defaults.
    List<HPAScalingPolicy> policies = r.getPolicies() == null ? List.of() : r.getPolicies();
    for (HPAScalingPolicy p : policies) {
      String pp = path + ".policies[" + p.getType() + "]";
      v.check(
          KubernetesValidation.HPA_POLICY_TYPES.contains(p.getType()),
          pp + ".type",
          "Pods or Percent");
      v.check(p.getValue() != null && p.getValue() > 0, pp + ".value", "> 0");
      v.check(
          p.getPeriodSeconds() != null && p.getPeriodSeconds() > 0 && p.getPeriodSeconds() <= 1800,
          pp + ".periodSeconds",
          "1..1800");
    }
  }
}
