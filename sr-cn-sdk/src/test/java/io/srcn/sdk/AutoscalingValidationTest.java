package io.srcn.sdk;

import static io.srcn.sdk.ValidationCases.rule;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpecBuilder;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every validation rule of {@link Autoscaling} and {@link ScalingRule}, with path and message. */
class AutoscalingValidationTest {
  static Stream<Arguments> rules() {
    return Stream.of(
        // autoscaling
        rule(
            "min < 1",
            () -> Autoscaling.between(0, 10),
            "autoscaling.minReplicas",
            "0 must be in 1..1000"),
        rule(
            "max > 1000",
            () -> Autoscaling.between(1, 1001),
            "autoscaling.maxReplicas",
            "1001 must be in 1..1000"),
        rule(
            "min > max",
            () -> Autoscaling.between(12, 10),
            "autoscaling.minReplicas",
            "12 must be <= maxReplicas 10"),
        rule(
            "cpu utilization",
            () -> Autoscaling.between(1, 2).onCpu(101),
            "autoscaling.cpuUtilization",
            "101 must be in 1..100"),
        rule(
            "memory utilization",
            () -> Autoscaling.between(1, 2).onMemory(0),
            "autoscaling.memoryUtilization",
            "0 must be in 1..100"),
        rule(
            "cpu average value",
            () -> Autoscaling.between(1, 2).onCpuAverage("2 cores"),
            "autoscaling.cpuAverageValue",
            "'2 cores'" + ValidationCases.QTY + ", greater than 0"),
        rule(
            "memory average value zero",
            () -> Autoscaling.between(1, 2).onMemoryAverage("0"),
            "autoscaling.memoryAverageValue",
            "'0'" + ValidationCases.QTY + ", greater than 0"),
        rule(
            "utilization and value",
            () -> Autoscaling.between(1, 2).onCpu(60).onCpuAverage("2"),
            "autoscaling.cpuAverageValue",
            "conflicts with cpuUtilization 60: a resource has"
                + " either a utilization or an average value target, not both"),
        rule(
            "stabilization too long",
            () -> Autoscaling.between(1, 2).scaleUpStabilization(Duration.ofSeconds(3601)),
            "autoscaling.scaleUp.stabilizationWindow",
            "PT1H1S must be 0..3600 whole seconds"),
        rule(
            "stabilization negative",
            () -> Autoscaling.between(1, 2).scaleDownStabilization(Duration.ofSeconds(-5)),
            "autoscaling.scaleDown.stabilizationWindow",
            "PT-5S must be 0..3600 whole seconds"),
        rule(
            "custom Resource metric",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("Resource")
                            .withNewResource()
                            .withName("cpu")
                            .endResource()
                            .build()),
            "autoscaling.customMetrics[0].type",
            "Resource metrics are set with"
                + " onCpu/onMemory/onCpuAverage/onMemoryAverage, not as custom metrics"),
        rule(
            "metric type",
            () ->
                Autoscaling.between(1, 2).onMetric(new MetricSpecBuilder().withType("Foo").build()),
            "autoscaling.customMetrics[0].type",
            "'Foo' must be one of Pods, Object, External, ContainerResource"),
        rule(
            "metric source missing",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(new MetricSpecBuilder().withType("Pods").build()),
            "autoscaling.customMetrics[0].pods",
            "is required for a Pods metric"),
        rule(
            "metric with two sources",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(podsMetric("AverageValue").withNewExternal().endExternal().build()),
            "autoscaling.customMetrics[0]",
            "a metric of type Pods must set only 'pods'"),
        rule(
            "metric target type",
            () -> Autoscaling.between(1, 2).onMetric(podsMetric("Utilization").build()),
            "autoscaling.customMetrics[0].pods.target.type",
            "'Utilization' must be one of AverageValue"),
        rule(
            "metric name",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("External")
                            .withNewExternal()
                            .withNewMetric()
                            .endMetric()
                            .withNewTarget()
                            .withType("Value")
                            .withNewValue("10")
                            .endTarget()
                            .endExternal()
                            .build()),
            "autoscaling.customMetrics[0].external.metric.name",
            "the metric name is required"),
        rule(
            "object metric described object",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("Object")
                            .withNewObject()
                            .withNewMetric()
                            .withName("qps")
                            .endMetric()
                            .withNewTarget()
                            .withType("Value")
                            .withNewValue("10")
                            .endTarget()
                            .endObject()
                            .build()),
            "autoscaling.customMetrics[0].object.describedObject",
            "kind and name are required"),
        rule(
            "container resource container",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("ContainerResource")
                            .withNewContainerResource()
                            .withName("cpu")
                            .withNewTarget()
                            .withType("Utilization")
                            .withAverageUtilization(50)
                            .endTarget()
                            .endContainerResource()
                            .build()),
            "autoscaling.customMetrics[0].containerResource.container",
            "the container name is required"),
        rule(
            "utilization target",
            () ->
                Autoscaling.between(1, 2)
                    .onMetric(
                        new MetricSpecBuilder()
                            .withType("ContainerResource")
                            .withNewContainerResource()
                            .withName("cpu")
                            .withContainer("cn")
                            .withNewTarget()
                            .withType("Utilization")
                            .endTarget()
                            .endContainerResource()
                            .build()),
            "autoscaling.customMetrics[0].containerResource.target.averageUtilization",
            "null must be > 0"),
        // scaling rules
        rule("rule pods 0", () -> ScalingRule.pods(0), "rule.value", "0 must be in 1..1000"),
        rule(
            "rule percent 1001",
            () -> ScalingRule.percent(1001),
            "rule.value",
            "1001 must be in 1..1000"),
        rule(
            "rule period 0",
            () -> ScalingRule.pods(1).every(Duration.ZERO),
            "rule.period",
            "PT0S must be 1..1800 whole seconds"),
        rule(
            "rule period 1801",
            () -> ScalingRule.pods(1).every(Duration.ofSeconds(1801)),
            "rule.period",
            "PT30M1S must be 1..1800 whole seconds"),
        rule(
            "rule period fraction",
            () -> ScalingRule.pods(1).every(Duration.ofMillis(1500)),
            "rule.period",
            "PT1.5S must be 1..1800 whole seconds"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void eachRuleReportsItsPathAndMessage(Supplier<?> build, String path, String message) {
    ValidationCases.assertViolation(build, path, message);
  }

  private static MetricSpecBuilder podsMetric(String targetType) {
    return new MetricSpecBuilder()
        .withType("Pods")
        .withNewPods()
        .withNewMetric()
        .withName("queue_depth")
        .endMetric()
        .withNewTarget()
        .withType(targetType)
        .withNewAverageValue("10")
        .endTarget()
        .endPods();
  }
}
