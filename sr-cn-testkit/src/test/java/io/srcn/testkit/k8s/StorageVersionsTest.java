package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 8: an HPA is one stored object seen through autoscaling/v1 and v2, converted by the
 * rules of kubernetes pkg/apis/autoscaling/v1/conversion.go.
 */
class StorageVersionsTest {
  @Test
  void anHpaCreatedThroughV1IsReadThroughV2WithItsCpuMetric() {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      KubernetesClient client = k8s.client();
      client
          .autoscaling()
          .v1()
          .horizontalPodAutoscalers()
          .inNamespace("default")
          .resource(v1Hpa("web", 60))
          .create();

      var v2 =
          client
              .autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace("default")
              .withName("web");
      assertThat(v2.get().getSpec().getMetrics())
          .singleElement()
          .satisfies(
              m -> {
                assertThat(m.getType()).isEqualTo("Resource");
                assertThat(m.getResource().getName()).isEqualTo("cpu");
                assertThat(m.getResource().getTarget().getType()).isEqualTo("Utilization");
                assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(60);
              });
      assertThat(
              client
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inAnyNamespace()
                  .list()
                  .getItems())
          .hasSize(1);
      assertThat(
              client
                  .autoscaling()
                  .v1()
                  .horizontalPodAutoscalers()
                  .inAnyNamespace()
                  .list()
                  .getItems())
          .singleElement()
          .satisfies(h -> assertThat(h.getApiVersion()).isEqualTo("autoscaling/v1"));
    }
  }

  @Test
  void aV1ObjectWithoutTargetGetsTheImplicitEightyPercent() {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      KubernetesClient client = k8s.client();
      client
          .autoscaling()
          .v1()
          .horizontalPodAutoscalers()
          .inNamespace("default")
          .resource(v1Hpa("web", null))
          .create();
      assertThat(
              client
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace("default")
                  .withName("web")
                  .get()
                  .getSpec()
                  .getMetrics())
          .singleElement()
          .satisfies(
              m -> assertThat(m.getResource().getTarget().getAverageUtilization()).isEqualTo(80));
    }
  }

  @Test
  void v2MetricsV1CannotHoldTravelInTheAnnotationAndComeBack() {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      KubernetesClient client = k8s.client();
      client
          .autoscaling()
          .v2()
          .horizontalPodAutoscalers()
          .inNamespace("default")
          .resource(
              new io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder()
                  .withNewMetadata()
                  .withName("web")
                  .endMetadata()
                  .withNewSpec()
                  .withNewScaleTargetRef("apps/v1", "StatefulSet", "web")
                  .withMinReplicas(1)
                  .withMaxReplicas(4)
                  .addNewMetric()
                  .withType("Resource")
                  .withNewResource()
                  .withName("cpu")
                  .withNewTarget()
                  .withType("Utilization")
                  .withAverageUtilization(70)
                  .endTarget()
                  .endResource()
                  .endMetric()
                  .addNewMetric()
                  .withType("Resource")
                  .withNewResource()
                  .withName("memory")
                  .withNewTarget()
                  .withType("AverageValue")
                  .withAverageValue(new Quantity("1Gi"))
                  .endTarget()
                  .endResource()
                  .endMetric()
                  .endSpec()
                  .build())
          .create();

      var v1 =
          client
              .autoscaling()
              .v1()
              .horizontalPodAutoscalers()
              .inNamespace("default")
              .withName("web");
      HorizontalPodAutoscaler seen = v1.get();
      assertThat(seen.getSpec().getTargetCPUUtilizationPercentage()).isEqualTo(70);
      assertThat(seen.getMetadata().getAnnotations())
          .containsEntry(
              "autoscaling.alpha.kubernetes.io/metrics",
              "[{\"type\":\"Resource\",\"resource\":{\"name\":\"memory\",\"targetAverageValue\":\"1Gi\"}}]");

      // a write through v1 keeps the memory metric (the annotation goes back into spec.metrics)
      v1.edit(
          h ->
              new HorizontalPodAutoscalerBuilder(h)
                  .editSpec()
                  .withMaxReplicas(9)
                  .endSpec()
                  .build());
      var back =
          client
              .autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace("default")
              .withName("web")
              .get();
      assertThat(back.getSpec().getMaxReplicas()).isEqualTo(9);
      assertThat(back.getSpec().getMetrics())
          .extracting(m -> m.getResource().getName())
          .containsExactly("memory", "cpu");
      assertThat(back.getMetadata().getAnnotations()).isNullOrEmpty();
    }
  }

  @Test
  void watchesOfEitherVersionSeeChangesMadeThroughTheOther() throws Exception {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      KubernetesClient client = k8s.client();
      List<String> v1Events = new CopyOnWriteArrayList<>();
      List<String> v2Events = new CopyOnWriteArrayList<>();
      try (Watch w1 =
              client
                  .autoscaling()
                  .v1()
                  .horizontalPodAutoscalers()
                  .inNamespace("default")
                  .watch(
                      recorder(
                          v1Events,
                          (HorizontalPodAutoscaler h) ->
                              h.getApiVersion() + " max=" + h.getSpec().getMaxReplicas()));
          Watch w2 =
              client
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace("default")
                  .watch(
                      recorder(
                          v2Events,
                          (io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler
                                  h) ->
                              h.getApiVersion() + " max=" + h.getSpec().getMaxReplicas()))) {
        client
            .autoscaling()
            .v1()
            .horizontalPodAutoscalers()
            .inNamespace("default")
            .resource(v1Hpa("web", 50))
            .create();
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace("default")
            .withName("web")
            .edit(
                h -> {
                  h.getSpec().setMaxReplicas(7);
                  return h;
                });
        await()
            .atMost(Duration.ofSeconds(10))
            .untilAsserted(
                () -> {
                  assertThat(v1Events)
                      .containsExactly(
                          "ADDED autoscaling/v1 max=3", "MODIFIED autoscaling/v1 max=7");
                  assertThat(v2Events)
                      .containsExactly(
                          "ADDED autoscaling/v2 max=3", "MODIFIED autoscaling/v2 max=7");
                });
      }
    }
  }

  private static <T> Watcher<T> recorder(
      List<String> out, java.util.function.Function<T, String> show) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        out.add(action + " " + show.apply(resource));
      }

      @Override
      public void onClose(WatcherException cause) {}
    };
  }

  private static HorizontalPodAutoscaler v1Hpa(String name, Integer cpu) {
    return new HorizontalPodAutoscalerBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withNewScaleTargetRef("apps/v1", "StatefulSet", name)
        .withMinReplicas(1)
        .withMaxReplicas(3)
        .withTargetCPUUtilizationPercentage(cpu)
        .endSpec()
        .build();
  }
}
