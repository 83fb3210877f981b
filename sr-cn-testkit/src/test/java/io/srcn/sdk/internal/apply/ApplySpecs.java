package io.srcn.sdk.internal.apply;

import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import java.time.Duration;

/** Specs shared by the apply tests. */
final class ApplySpecs {
  static final String NAMESPACE = "starrocks";

  private ApplySpecs() {}

  /** Three fixed replicas, no autoscaling. */
  static ComputeNodeGroupSpec fixed(String group) {
    return ComputeNodeGroups.create(group)
        .inNamespace(NAMESPACE)
        .image("starrocks/cn-ubuntu:3.3.5")
        .replicas(3)
        .resources(Resources.requests("1", "2Gi").limits("2", "2Gi"))
        .config("sys_log_level", "INFO");
  }

  /** The same group with the seed's autoscaling policy (2..10). */
  static ComputeNodeGroupSpec autoscaled(String group) {
    return fixed(group)
        .autoscale(
            Autoscaling.between(2, 10)
                .onCpu(60)
                .onMemory(30)
                .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
                .scaleDownDisabled());
  }
}
