package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HpaSimulatorTest {
  private MockKubernetes k8s;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.builder().namespaces("ns").build().start();
    client = k8s.client();
    client.resource(Fixtures.statefulSet("web", 2, "Parallel")).inNamespace("ns").serverSideApply();
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("web")
        .waitUntilReady(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  private static HorizontalPodAutoscaler hpa(boolean withBehavior) {
    HorizontalPodAutoscalerBuilder b =
        new HorizontalPodAutoscalerBuilder()
            .withNewMetadata()
            .withName("web-hpa")
            .endMetadata()
            .withNewSpec()
            .withNewScaleTargetRef()
            .withApiVersion("apps/v1")
            .withKind("StatefulSet")
            .withName("web")
            .endScaleTargetRef()
            .withMinReplicas(1)
            .withMaxReplicas(5)
            .addNewMetric()
            .withType("Resource")
            .withNewResource()
            .withName("cpu")
            .withNewTarget()
            .withType("Utilization")
            .withAverageUtilization(50)
            .endTarget()
            .endResource()
            .endMetric()
            .endSpec();
    if (withBehavior) {
      b.editSpec()
          .withNewBehavior()
          .withNewScaleDown()
          .withStabilizationWindowSeconds(60)
          .addNewPolicy()
          .withType("Pods")
          .withValue(1)
          .withPeriodSeconds(30)
          .endPolicy()
          .endScaleDown()
          .endBehavior()
          .endSpec();
    }
    return b.build();
  }

  private int replicas() {
    return client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("web")
        .get()
        .getSpec()
        .getReplicas();
  }

  @Test
  void scalesUpThroughScaleAndWritesStatus() {
    client.resource(hpa(false)).inNamespace("ns").create();
    k8s.hpa().setCpuUtilization("ns", "web", 100);

    k8s.hpa().tick(Duration.ofSeconds(15));

    assertThat(replicas()).isEqualTo(4);
    HorizontalPodAutoscaler status =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace("ns")
            .withName("web-hpa")
            .get();
    assertThat(status.getStatus().getDesiredReplicas()).isEqualTo(4);
    assertThat(
            status
                .getStatus()
                .getCurrentMetrics()
                .get(0)
                .getResource()
                .getCurrent()
                .getAverageUtilization())
        .isEqualTo(100);
    assertThat(status.getStatus().getLastScaleTime()).isNotNull();
    assertThat(status.getStatus().getConditions())
        .extracting(HorizontalPodAutoscalerCondition::getReason)
        .contains("SucceededRescale", "ValidMetricFound");
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("web")
        .waitUntilReady(10, TimeUnit.SECONDS);
    assertThat(k8s.requests().count("*", "statefulsets/scale")).isZero();
  }

  @Test
  void scaleDownWaitsForTheStabilizationWindowAndRespectsPolicies() {
    client.resource(hpa(true)).inNamespace("ns").create();
    k8s.hpa().setCpuUtilization("ns", "web", 50);
    k8s.hpa().tick(Duration.ofSeconds(15));
    k8s.hpa().setCpuUtilization("ns", "web", 10);

    k8s.hpa().tick(Duration.ofSeconds(30));
    assertThat(replicas()).isEqualTo(2);
    k8s.hpa().tick(Duration.ofSeconds(31));
    assertThat(replicas()).isEqualTo(1);
  }

  @Test
  void missingMetricsLeaveTheTargetAloneAndSaySo() {
    client.resource(hpa(false)).inNamespace("ns").create();

    k8s.hpa().tick(Duration.ofSeconds(15));

    assertThat(replicas()).isEqualTo(2);
    HorizontalPodAutoscaler status =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace("ns")
            .withName("web-hpa")
            .get();
    assertThat(status.getStatus().getConditions())
        .anySatisfy(
            c -> {
              assertThat(c.getType()).isEqualTo("ScalingActive");
              assertThat(c.getStatus()).isEqualTo("False");
              assertThat(c.getReason()).isEqualTo("FailedGetResourceMetric");
            });
  }

  @Test
  void annotationsDriveMetricsForKubectlUsers() {
    client.resource(hpa(false)).inNamespace("ns").create();
    client
        .pods()
        .inNamespace("ns")
        .withName("web-0")
        .edit(
            p -> {
              p.getMetadata().getAnnotations().put("metrics.srcn.io/cpu", "150");
              return p;
            });
    client
        .autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace("ns")
        .withName("web-hpa")
        .edit(
            h -> {
              h.getMetadata().getAnnotations().put("metrics.srcn.io/cpu", "50");
              return h;
            });

    k8s.hpa().tick(Duration.ofSeconds(15));

    // (150 + 50) / 2 = 100% of request against a 50% target: twice the replicas
    assertThat(replicas()).isEqualTo(4);
  }

  @Test
  void realTimeModeSyncsByItselfAndRejectsTicks() {
    client.resource(hpa(false)).inNamespace("ns").create();
    k8s.hpa().setCpuUtilization("ns", "web", 100);

    k8s.hpa().realTime(Duration.ofMillis(50));

    // sustained 100% against a 50% target: doubles while new pods become ready, up to maxReplicas
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(replicas()).isEqualTo(5));
    assertThat(k8s.statefulSets().history())
        .filteredOn(t -> t.type() == Transition.Type.REPLICAS_CHANGED)
        .extracting(Transition::to)
        .startsWith(2, 4);
    assertThatThrownBy(() -> k8s.hpa().tick(Duration.ofSeconds(1)))
        .isInstanceOf(IllegalStateException.class);
  }
}
