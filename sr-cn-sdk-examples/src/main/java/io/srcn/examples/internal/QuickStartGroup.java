package io.srcn.examples.internal;

import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import java.util.Locale;

/**
 * The quick-start's group: the seed's autoscaling group (1..10 pods on CPU 60 % and memory 30 %,
 * one more pod per period) with scale-down enabled at the same pace, so it can shrink again.
 *
 * <p>Stateless and thread-safe.
 */
public final class QuickStartGroup {
  /** The lower bound of the policy. */
  public static final int MIN = 1;

  /** The upper bound of the policy. */
  public static final int MAX = 10;

  /** Target CPU utilization, percent of the request. */
  public static final int CPU_TARGET = 60;

  /** Target memory utilization, percent of the request. */
  public static final int MEMORY_TARGET = 30;

  /** The size the quick-start scales out to. */
  public static final int PEAK = 4;

  private QuickStartGroup() {}

  /** The group's spec, registering with {@code frontend}. */
  public static ComputeNodeGroupSpec spec(QuickStartSettings s, Frontend frontend) {
    return ComputeNodeGroups.create(s.name())
        .inNamespace(s.namespace())
        .image(s.image())
        .resources(Resources.requests("1", "4Gi").limits("2", "4Gi"))
        .config("sys_log_level", "INFO")
        .autoscale(policy(s, MIN, MAX))
        .registerWith(frontend);
  }

  /** The policy with other bounds and the same metrics and pace. */
  public static Autoscaling policy(QuickStartSettings s, int min, int max) {
    ScalingRule onePod = ScalingRule.pods(1).every(s.scaleStep());
    return Autoscaling.between(min, max)
        .onCpu(CPU_TARGET)
        .onMemory(MEMORY_TARGET)
        .scaleUp(onePod)
        .scaleDown(onePod)
        .scaleDownStabilization(s.scaleDownStabilization());
  }

  /** One line describing the policy. */
  public static String describe(QuickStartSettings s) {
    return String.format(
        Locale.ROOT,
        "%d..%d pods on CPU %d %% and memory %d %% of the request; one pod per %d s up and"
            + " down, scale-down stabilization %d s",
        MIN,
        MAX,
        CPU_TARGET,
        MEMORY_TARGET,
        s.scaleStep().getSeconds(),
        s.scaleDownStabilization().getSeconds());
  }
}
