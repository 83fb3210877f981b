package io.srcn.testkit.k8s.internal.hpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Examples from the Kubernetes documentation, "Horizontal Pod Autoscaling", algorithm details. */
class ReplicaCalculatorTest {

  private static List<PodSample> ready(int n, double value) {
    List<PodSample> pods = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      pods.add(new PodSample("p" + i, false, false, true, value));
    }
    return pods;
  }

  @ParameterizedTest(name = "{0} pods at {1} vs target {2} -> {3}")
  @CsvSource({
    // "current metric value is 200m, and the desired value is 100m, the number of replicas will be
    // doubled"
    "3, 200, 100, 6",
    // "if the current value is instead 50m, you'll halve the number of replicas"
    "4, 50, 100, 2",
    // within the 0.1 tolerance: no change
    "3, 109, 100, 3",
    "3, 91, 100, 3",
    // just outside the tolerance
    "3, 111, 100, 4",
    // desiredReplicas = ceil[currentReplicas * (currentMetricValue / desiredMetricValue)]
    "5, 75, 60, 7",
  })
  void desiredIsCeilOfCurrentTimesRatio(int current, double value, double target, int expected) {
    assertThat(
            ReplicaCalculator.perPod(current, ready(current, value), target, true, 100, 0.1)
                .replicas())
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "missing metrics, usage {0}: {1}")
  @CsvSource({
    // scale-down: pods without metrics assumed at 100% of the target -> the scale-down is damped
    "50, 3",
    // scale-up: pods without metrics assumed at 0% -> the scale-up is damped
    "200, 4",
  })
  void podsWithoutMetricsAreAssumedConservatively(double usage, int expected) {
    List<PodSample> pods = ready(2, usage);
    pods.add(new PodSample("m1", false, false, true, null));
    pods.add(new PodSample("m2", false, false, true, null));
    // 2 samples + 2 missing, current 4
    int replicas = ReplicaCalculator.perPod(4, pods, 100, true, 100, 0.1).replicas();
    assertThat(replicas).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  void unreadyPodsCountAsZeroOnScaleUp() {
    List<PodSample> pods = ready(2, 150);
    pods.add(new PodSample("starting", false, false, false, 150.0));
    // ready usage 150% -> ratio 1.5; with the unready pod at 0: (150+150+0)/3 = 100% -> within
    // tolerance
    assertThat(ReplicaCalculator.perPod(3, pods, 100, true, 100, 0.1).replicas()).isEqualTo(3);
  }

  @org.junit.jupiter.api.Test
  void directionMustNotFlipAfterCorrections() {
    List<PodSample> pods = ready(1, 120);
    pods.add(new PodSample("pending-1", false, true, false, null));
    pods.add(new PodSample("pending-2", false, true, false, null));
    // ratio 1.2 with unready pods -> (120+0+0)/3 = 40% -> would scale down: keep current
    assertThat(ReplicaCalculator.perPod(3, pods, 100, true, 100, 0.1).replicas()).isEqualTo(3);
  }

  @org.junit.jupiter.api.Test
  void noSamplesIsAnError() {
    assertThatThrownBy(
            () ->
                ReplicaCalculator.perPod(
                    2, List.of(new PodSample("a", false, true, false, null)), 50, true, 100, 0.1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not receive metrics");
  }

  @ParameterizedTest(name = "object value {0} vs {1} with {2} ready -> {3}")
  @CsvSource({"200, 100, 2, 4", "105, 100, 2, 2", "50, 100, 4, 2"})
  void objectValueTargets(double usage, double target, int readyPods, int expected) {
    assertThat(ReplicaCalculator.value(readyPods, readyPods, usage, target, 0.1))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "external total {0} at average {1} over {2} -> {3}")
  @CsvSource({"30, 10, 2, 3", "21, 10, 2, 2", "100, 10, 4, 10"})
  void averageValueTargets(double usage, double average, int replicas, int expected) {
    assertThat(ReplicaCalculator.averageValue(replicas, usage, average, 0.1)).isEqualTo(expected);
  }
}
