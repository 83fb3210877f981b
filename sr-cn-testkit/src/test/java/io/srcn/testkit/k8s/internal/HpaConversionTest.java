package io.srcn.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** autoscaling/v2 to v1 and back, by the rules of pkg/apis/autoscaling/v1/conversion.go. */
class HpaConversionTest {
  private static final String V2 =
      "{\"apiVersion\":\"autoscaling/v2\",\"kind\":\"HorizontalPodAutoscaler\","
          + "\"metadata\":{\"name\":\"h\",\"annotations\":{\"team\":\"x\"}},"
          + "\"spec\":{\"scaleTargetRef\":{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"name\":\"s\"},"
          + "\"minReplicas\":1,\"maxReplicas\":5,\"metrics\":["
          + "{\"type\":\"Pods\",\"pods\":{\"metric\":{\"name\":\"qps\"},"
          + "\"target\":{\"type\":\"AverageValue\",\"averageValue\":\"100\"}}},"
          + "{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
          + "\"target\":{\"type\":\"Utilization\",\"averageUtilization\":60}}}]},"
          + "\"status\":{\"currentReplicas\":2,\"desiredReplicas\":3,"
          + "\"currentMetrics\":[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
          + "\"current\":{\"averageUtilization\":75,\"averageValue\":\"300m\"}}}],"
          + "\"conditions\":[{\"type\":\"AbleToScale\",\"status\":\"True\",\"reason\":\"ReadyForNewScale\"}]}}";

  @Test
  void v1ShowsCpuAsItsOwnFieldsAndTheRestAsAnnotations() {
    ObjectNode v1 = HpaConversion.toV1(Json.parse(V2));
    assertThat(Json.text(v1, "apiVersion")).isEqualTo("autoscaling/v1");
    assertThat(v1.path("spec").path("targetCPUUtilizationPercentage").asInt()).isEqualTo(60);
    assertThat(v1.path("spec").has("metrics")).isFalse();
    assertThat(v1.path("status").path("currentCPUUtilizationPercentage").asInt()).isEqualTo(75);
    JsonNode annotations = v1.path("metadata").path("annotations");
    assertThat(Json.text(annotations, "team")).isEqualTo("x");
    assertThat(Json.parse(Json.text(annotations, HpaConversion.METRICS)))
        .isEqualTo(
            Json.parse(
                "[{\"type\":\"Pods\",\"pods\":{\"metricName\":\"qps\",\"targetAverageValue\":\"100\"}}]"));
    assertThat(Json.parse(Json.text(annotations, HpaConversion.CURRENT_METRICS)))
        .isEqualTo(
            Json.parse(
                "[{\"type\":\"Resource\",\"resource\":{\"name\":\"cpu\","
                    + "\"currentAverageUtilization\":75,\"currentAverageValue\":\"300m\"}}]"));
    assertThat(Json.parse(Json.text(annotations, HpaConversion.CONDITIONS)))
        .isEqualTo(Json.parse(V2).path("status").path("conditions"));
  }

  @Test
  void aRoundTripThroughV1KeepsEverythingButTheMetricOrder() {
    JsonNode original = Json.parse(V2);
    ObjectNode back = HpaConversion.fromV1(HpaConversion.toV1(original), "autoscaling/v2", false);
    assertThat(back.path("status")).isEqualTo(original.path("status"));
    assertThat(back.path("metadata")).isEqualTo(original.path("metadata"));
    // the annotation's metrics come first, then the CPU target (conversion.go appends it)
    assertThat(back.path("spec").path("metrics")).isEqualTo(original.path("spec").path("metrics"));
    assertThat(back.path("spec").path("maxReplicas").asInt()).isEqualTo(5);
  }

  @Test
  void anApplyConfigurationGetsNoImplicitTarget() {
    JsonNode v1 =
        Json.parse(
            "{\"apiVersion\":\"autoscaling/v1\",\"kind\":\"HorizontalPodAutoscaler\","
                + "\"metadata\":{\"name\":\"h\"},\"spec\":{\"maxReplicas\":4}}");
    assertThat(HpaConversion.fromV1(v1, "autoscaling/v2", true).path("spec").has("metrics"))
        .isFalse();
    assertThat(
            HpaConversion.fromV1(v1, "autoscaling/v2", false)
                .path("spec")
                .path("metrics")
                .path(0)
                .path("resource")
                .path("target")
                .path("averageUtilization")
                .asInt())
        .isEqualTo(80);
  }
}
