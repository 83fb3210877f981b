package io.srcn.testkit.k8s.internal.hpa;

import java.util.List;

/**
 * One direction of an HPA's {@code behavior} with Kubernetes' defaults filled in.
 *
 * @param windowSeconds the stabilization window
 * @param selectPolicy Max, Min or Disabled
 * @param policies the rate policies
 */
public record ScalingRules(int windowSeconds, String selectPolicy, List<Policy> policies) {
  /** The default scale-down stabilization window of the controller. */
  public static final int DEFAULT_DOWN_WINDOW = 300;

  /**
   * A rate policy.
   *
   * @param type Pods or Percent
   * @param value how many pods or percent
   * @param periodSeconds the period the limit applies to
   */
  public record Policy(String type, int value, int periodSeconds) {}

  /** Kubernetes' default scale-up rules: no window, max of 4 pods or 100% per 15 s. */
  public static ScalingRules defaultUp() {
    return new ScalingRules(
        0, "Max", List.of(new Policy("Pods", 4, 15), new Policy("Percent", 100, 15)));
  }

  /** Kubernetes' default scale-down rules: 300 s window, 100% per 15 s. */
  public static ScalingRules defaultDown() {
    return new ScalingRules(DEFAULT_DOWN_WINDOW, "Max", List.of(new Policy("Percent", 100, 15)));
  }

  /** The longest policy period. */
  public int longestPeriod() {
    return policies.stream().mapToInt(Policy::periodSeconds).max().orElse(0);
  }
}
