package io.srcn.sdk.internal.apply;

import static io.srcn.sdk.internal.apply.ApplySpecs.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.KubernetesOperationException;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.internal.render.HpaVersion;
import io.srcn.testkit.k8s.MockKubernetes;
import org.junit.jupiter.api.Test;

/** The HPA version follows API discovery, asked once per client. */
class HpaVersionTest {
  @Test
  void aClusterWithV2GetsV2() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces(NAMESPACE).build().start()) {
      GroupApplier applier = new GroupApplier(k8s.client());
      applier.apply(ApplySpecs.autoscaled("v2"));
      applier.apply(ApplySpecs.autoscaled("v2b"));
      assertThat(applier.hpaApi()).contains(HpaVersion.V2);
      assertThat(k8s.requests().count("get", "/apis/autoscaling")).isEqualTo(1);
    }
  }

  @Test
  void aClusterWithoutV2GetsV2beta2() {
    try (MockKubernetes k8s =
        MockKubernetes.builder()
            .autoscalingVersions("v2beta2")
            .namespaces(NAMESPACE)
            .build()
            .start()) {
      GroupApplier applier = new GroupApplier(k8s.client());

      assertThat(applier.apply(ApplySpecs.autoscaled("old")).action("HorizontalPodAutoscaler"))
          .contains(Action.CREATE);

      assertThat(applier.hpaApi()).contains(HpaVersion.V2BETA2);
      assertThat(
              k8s.client()
                  .autoscaling()
                  .v2beta2()
                  .horizontalPodAutoscalers()
                  .inNamespace(NAMESPACE)
                  .withName("old-cn-autoscaler")
                  .get())
          .isNotNull();
      assertThat(applier.apply(ApplySpecs.autoscaled("old")).hasChanges()).isFalse();
      assertThat(applier.delete(NAMESPACE, "old").action("HorizontalPodAutoscaler"))
          .contains(Action.DELETE);
    }
  }

  @Test
  void aClusterWithoutAnyUsableHpaApiRejectsAutoscalingBeforeWriting() {
    try (MockKubernetes k8s =
        MockKubernetes.builder().autoscalingVersions("v1").namespaces(NAMESPACE).build().start()) {
      GroupApplier applier = new GroupApplier(k8s.client());

      assertThatThrownBy(() -> applier.apply(ApplySpecs.autoscaled("none")))
          .isInstanceOfSatisfying(
              KubernetesOperationException.class,
              e -> {
                assertThat(e.kind()).isEqualTo("HorizontalPodAutoscaler");
                assertThat(e.hint().orElseThrow()).contains("neither autoscaling/v2 nor");
              });
      assertThat(ApplyTest.writes(k8s.requests())).isZero();
      assertThat(applier.apply(ApplySpecs.fixed("none")).action("StatefulSet"))
          .contains(Action.CREATE);
    }
  }
}
