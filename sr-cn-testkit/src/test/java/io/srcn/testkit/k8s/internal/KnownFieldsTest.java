package io.srcn.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The per-kind schema walk that finds unknown fields without deserializing the request. */
class KnownFieldsTest {

  @Test
  void aKnownObjectHasNoUnknownField() {
    assertThat(
            KnownFields.unknown(
                Json.parse(
                    "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"metadata\":{\"name\":\"s\","
                        + "\"labels\":{\"app.kubernetes.io/name\":\"x\"},\"managedFields\":[{\"x\":1}]},"
                        + "\"spec\":{\"replicas\":1,\"selector\":{\"matchLabels\":{\"a\":\"b\"}},"
                        + "\"template\":{\"spec\":{\"containers\":[{\"name\":\"c\",\"image\":\"i\","
                        + "\"resources\":{\"limits\":{\"cpu\":\"1\"}},\"ports\":[{\"containerPort\":80}],"
                        + "\"readinessProbe\":{\"httpGet\":{\"port\":\"http\"}}}]}}}}")))
        .isEmpty();
  }

  @Test
  void unknownFieldsAreNamedByPathInDocumentOrder() {
    assertThat(
            KnownFields.unknown(
                Json.parse(
                    "{\"apiVersion\":\"apps/v1\",\"kind\":\"StatefulSet\",\"zeta\":1,"
                        + "\"metadata\":{\"name\":\"s\",\"labelz\":{}},"
                        + "\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"a\"},"
                        + "{\"name\":\"c\",\"imagee\":\"i\",\"env\":[{\"name\":\"E\",\"vaule\":\"v\"}]}]}}}}")))
        .containsExactly(
            "zeta",
            "metadata.labelz",
            "spec.template.spec.containers[1].imagee",
            "spec.template.spec.containers[1].env[0].vaule");
  }

  @Test
  void quantitiesAndIntOrStringAreLeavesAndFreeMapsAreNotChecked() {
    assertThat(
            KnownFields.unknown(
                Json.parse(
                    "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"s\","
                        + "\"annotations\":{\"any\":\"thing\"}},\"spec\":{\"selector\":{\"k\":\"v\"},"
                        + "\"ports\":[{\"port\":80,\"targetPort\":\"web\",\"foo\":1}]}}")))
        .containsExactly("spec.ports[0].foo");
  }

  @Test
  void kindsWithoutATypedModelAreNotChecked() {
    assertThat(
            KnownFields.unknown(
                Json.parse(
                    "{\"apiVersion\":\"example.com/v1\",\"kind\":\"Widget\",\"anything\":1}")))
        .isEmpty();
    assertThat(KnownFields.unknown(Json.parse("{\"anything\":1}"))).isEmpty();
  }
}
