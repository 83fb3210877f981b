package io.srcn.testkit.k8s.internal.hpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Examples from the Kubernetes documentation, "Horizontal Pod Autoscaling", configurable scaling
 * behavior.
 */
class ScalingBehaviorTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  /** Runs syncs every {@code step} seconds with a constant proposal; returns the replica counts. */
  private static List<Integer> run(
      ScalingRules up,
      ScalingRules down,
      int start,
      int proposal,
      int min,
      int max,
      int step,
      int syncs) {
    ScalingBehavior b = new ScalingBehavior();
    List<Integer> seen = new ArrayList<>();
    int current = start;
    seen.add(current);
    for (int i = 1; i <= syncs; i++) {
      Instant now = T0.plusSeconds((long) i * step);
      int desired = b.normalize(now, up, down, current, proposal, min, max).replicas();
      b.recordScale(now, up, down, current, desired);
      current = desired;
      seen.add(current);
    }
    return seen;
  }

  private static ScalingRules down(int window, String select, ScalingRules.Policy... policies) {
    return new ScalingRules(window, select, List.of(policies));
  }

  @Test
  void scaleDownPoliciesFromTheDocumentation() {
    // "if there are 80 replicas and the target has to be scaled down to 10 replicas then during the
    // first step 8
    // replicas will be reduced. In the next iteration when the number of replicas is 72, 10% of the
    // pods is 7.2 but
    // the number is rounded up to 8 ... When the number of replicas falls below 40 the first policy
    // (Pods) is
    // applied and 4 replicas will be reduced at a time."
    ScalingRules down =
        down(
            0,
            "Max",
            new ScalingRules.Policy("Pods", 4, 60),
            new ScalingRules.Policy("Percent", 10, 60));
    List<Integer> replicas = run(ScalingRules.defaultUp(), down, 80, 10, 1, 100, 61, 14);
    assertThat(replicas).startsWith(80, 72, 64);
    assertThat(replicas).containsSubsequence(40, 36, 32, 28, 24, 20, 16, 12);
    assertThat(replicas.get(replicas.size() - 1)).isEqualTo(10);
  }

  @Test
  void selectPolicyMinRemovesAtMostFivePodsPerMinute() {
    // "To ensure that no more than 5 Pods are removed per minute, you can add a second scale-down
    // policy with a
    // fixed size of 5, and set selectPolicy to minimum."
    ScalingRules down =
        down(
            0,
            "Min",
            new ScalingRules.Policy("Percent", 10, 60),
            new ScalingRules.Policy("Pods", 5, 60));
    List<Integer> replicas = run(ScalingRules.defaultUp(), down, 100, 10, 1, 200, 61, 3);
    assertThat(replicas).containsExactly(100, 95, 90, 85);
  }

  @Test
  void scaleUpByNineHundredPercent() {
    // "The 900 implies that 9 times the current number of pods can be added ... If the application
    // is started with
    // 1 pod, it will scale up with the following number of pods: 1 -> 10 -> 100 -> 1000"
    ScalingRules up =
        new ScalingRules(0, "Max", List.of(new ScalingRules.Policy("Percent", 900, 60)));
    assertThat(run(up, ScalingRules.defaultDown(), 1, 5000, 1, 10000, 61, 3))
        .containsExactly(1, 10, 100, 1000);
  }

  @Test
  void rateLimitCountsScaleEventsInsideThePeriod() {
    ScalingRules up = new ScalingRules(0, "Max", List.of(new ScalingRules.Policy("Pods", 2, 60)));
    // syncs every 15 s: only 2 pods may be added per 60 s window
    assertThat(run(up, ScalingRules.defaultDown(), 1, 10, 1, 10, 15, 5))
        .containsExactly(1, 3, 3, 3, 3, 5);
  }

  @Test
  void disabledScaleDownNeverRemovesPods() {
    // "selectPolicy: Disabled" for scaleDown
    ScalingRules down = down(0, "Disabled", new ScalingRules.Policy("Percent", 100, 15));
    assertThat(run(ScalingRules.defaultUp(), down, 6, 2, 1, 10, 61, 3)).containsExactly(6, 6, 6, 6);
  }

  @Test
  void defaultScaleUpAddsFourPodsOrDoublesWhicheverIsMore() {
    // default behavior: "the number of Pods can be doubled or 4 pods added every 15 seconds
    // (whichever is higher)"
    assertThat(run(ScalingRules.defaultUp(), ScalingRules.defaultDown(), 2, 50, 1, 100, 16, 3))
        .containsExactly(2, 6, 12, 24);
  }

  @Test
  void scaleDownStabilizationUsesTheHighestRecommendationOfTheWindow() {
    // "stabilizationWindowSeconds: 300 ... uses the highest value from the specified interval"
    ScalingBehavior b = new ScalingBehavior();
    ScalingRules up = ScalingRules.defaultUp();
    ScalingRules down = ScalingRules.defaultDown();
    assertThat(b.normalize(T0, up, down, 5, 5, 1, 10).replicas()).isEqualTo(5);
    ScalingBehavior.Result r = b.normalize(T0.plusSeconds(60), up, down, 5, 2, 1, 10);
    assertThat(r.replicas()).isEqualTo(5);
    assertThat(r.ableReason()).isEqualTo("ScaleDownStabilized");
    assertThat(b.normalize(T0.plusSeconds(299), up, down, 5, 2, 1, 10).replicas()).isEqualTo(5);
    assertThat(b.normalize(T0.plusSeconds(301), up, down, 5, 2, 1, 10).replicas()).isEqualTo(2);
  }

  @Test
  void withoutBehaviorTheLegacyRulesApply() {
    ScalingBehavior b = new ScalingBehavior();
    // scale-up limited to max(2 * current, 4)
    ScalingBehavior.Result up = b.normalize(T0, null, null, 1, 20, 1, 50);
    assertThat(up.replicas()).isEqualTo(4);
    assertThat(up.limited()).isTrue();
    assertThat(up.limitReason()).isEqualTo("ScaleUpLimit");
    // min/max clamp
    assertThat(new ScalingBehavior().normalize(T0, null, null, 5, 8, 1, 6).limitReason())
        .isEqualTo("TooManyReplicas");
    assertThat(new ScalingBehavior().normalize(T0, null, null, 5, 8, 1, 6).replicas()).isEqualTo(6);
  }
}
