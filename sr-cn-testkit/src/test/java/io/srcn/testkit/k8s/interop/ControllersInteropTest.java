package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 9 with kubectl 1.32: {@code kubectl get endpoints} lists the pods of a Service,
 * {@code kubectl describe sts} shows the StatefulSet controller's events, and {@code kubectl get
 * controllerrevisions} its revision.
 */
class ControllersInteropTest extends MockServerInterop {

  @BeforeEach
  void setUp() {
    k8s.client()
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .addToSelector("app", "web")
                .addNewPort()
                .withName("heartbeat")
                .withPort(9050)
                .endPort()
                .endSpec()
                .build())
        .inNamespace("default")
        .create();
    k8s.client()
        .resource(
            new StatefulSetBuilder()
                .withNewMetadata()
                .withName("web")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withServiceName("web")
                .withPodManagementPolicy("Parallel")
                .withNewSelector()
                .addToMatchLabels("app", "web")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "web")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("cn")
                .withImage("starrocks/cn-ubuntu:3.3.5")
                .endContainer()
                .endSpec()
                .endTemplate()
                .endSpec()
                .build())
        .inNamespace("default")
        .create();
    k8s.client()
        .apps()
        .statefulSets()
        .inNamespace("default")
        .withName("web")
        .waitUntilReady(15, TimeUnit.SECONDS);
  }

  @Test
  void getEndpointsListsTheReadyPods() {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () -> {
              String out = kubectl("get", "endpoints", "web");
              assertThat(out.lines().findFirst().orElse("")).matches("NAME\\s+ENDPOINTS\\s+AGE");
              assertThat(out)
                  .containsPattern(
                      "web\\s+\\d+\\.\\d+\\.\\d+\\.\\d+:9050,\\d+\\.\\d+\\.\\d+\\.\\d+:9050\\s");
            });
  }

  @Test
  void describeStatefulSetShowsTheControllersEvents() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(kubectl("describe", "sts", "web"))
                    .containsPattern(
                        "Normal\\s+SuccessfulCreate\\s+.*statefulset-controller\\s+create Pod web-0 in"
                            + " StatefulSet web successful")
                    .contains("create Pod web-1 in StatefulSet web successful"));
    assertThat(kubectl("get", "controllerrevisions"))
        .containsPattern("web-\\w+\\s+statefulset.apps/web\\s+1\\s");
  }
}
