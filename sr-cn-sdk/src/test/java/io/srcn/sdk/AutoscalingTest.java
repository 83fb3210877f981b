package io.srcn.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import io.srcn.sdk.InvalidSpecException.Violation;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Autoscaling policies: rendered metrics, behaviors, and several violations at once. */
class AutoscalingTest {
  @Test
  void withoutMetricsTheHpaScalesOnCpuAt80PercentAsKubernetesDoes() {
    assertThat(Autoscaling.between(1, 3).effectiveMetrics()).containsExactly(resource("cpu", 80));
  }

  @Test
  void cpuMemoryAndCustomMetricsAreRenderedInThatOrder() {
    MetricSpec lag =
        new MetricSpecBuilder()
            .withType("External")
            .withNewExternal()
            .withNewMetric()
            .withName("lag")
            .endMetric()
            .withNewTarget()
            .withType("AverageValue")
            .withNewAverageValue("30")
            .endTarget()
            .endExternal()
            .build();
    Autoscaling a = Autoscaling.between(1, 3).onMemoryAverage("12Gi").onCpu(60).onMetric(lag);
    MetricSpec memory = a.effectiveMetrics().get(1);
    assertThat(a.effectiveMetrics()).hasSize(3);
    assertThat(a.effectiveMetrics().get(0)).isEqualTo(resource("cpu", 60));
    assertThat(memory.getResource().getName()).isEqualTo("memory");
    assertThat(memory.getResource().getTarget().getType()).isEqualTo("AverageValue");
    assertThat(memory.getResource().getTarget().getAverageValue()).isEqualTo(new Quantity("12Gi"));
    assertThat(a.effectiveMetrics().get(2)).isEqualTo(lag);
  }

  @Test
  void behaviorsKeepTheirPartsAcrossFluentCalls() {
    Autoscaling a =
        Autoscaling.between(2, 20)
            .scaleUpStabilization(Duration.ofSeconds(30))
            .scaleUp(ScalingRule.percent(100), ScalingRule.pods(4).every(Duration.ofSeconds(60)))
            .scaleUpSelect(SelectPolicy.MIN)
            .scaleDownDisabled();
    ScalingBehavior up = a.scaleUp().orElseThrow();
    assertThat(up.stabilizationWindow()).contains(Duration.ofSeconds(30));
    assertThat(up.selectPolicy()).isEqualTo(SelectPolicy.MIN);
    assertThat(up.rules())
        .extracting(ScalingRule::type, ScalingRule::value, ScalingRule::period)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                ScalingRule.Type.PERCENT, 100, Duration.ofSeconds(15)),
            org.assertj.core.groups.Tuple.tuple(ScalingRule.Type.PODS, 4, Duration.ofSeconds(60)));
    assertThat(a.scaleDown().orElseThrow().isDisabled()).isTrue();
    assertThat(a.scaleDown().orElseThrow().rules()).isEmpty();
    assertThat(Autoscaling.between(1, 2).scaleUp()).isEmpty();
  }

  @Test
  void severalViolationsOfOneValueAreReportedTogether() {
    InvalidSpecException e = catchInvalid(() -> Autoscaling.between(0, 1001));
    assertThat(e.violations())
        .containsExactly(
            new Violation("autoscaling.minReplicas", "0 must be in 1..1000"),
            new Violation("autoscaling.maxReplicas", "1001 must be in 1..1000"));
    assertThat(catchInvalid(() -> Ports.of(0, 0, 70000, 8060)).violations())
        .extracting(Violation::toString)
        .containsExactly(
            "ports.heartbeat: 0 must be in 1..65535",
            "ports.thrift: 0 must be in 1..65535",
            "ports.thrift: 0 is also the heartbeat port; the ports must be distinct",
            "ports.webserver: 70000 must be in 1..65535");
    assertThat(catchInvalid(() -> StorageVolume.of("Data", "lots")).violations()).hasSize(2);
  }

  private static InvalidSpecException catchInvalid(Runnable r) {
    try {
      r.run();
    } catch (InvalidSpecException e) {
      return e;
    }
    throw new AssertionError("no violation");
  }

  private static MetricSpec resource(String name, int utilization) {
    return new MetricSpecBuilder()
        .withType("Resource")
        .withNewResource()
        .withName(name)
        .withNewTarget()
        .withType("Utilization")
        .withAverageUtilization(utilization)
        .endTarget()
        .endResource()
        .build();
  }
}
