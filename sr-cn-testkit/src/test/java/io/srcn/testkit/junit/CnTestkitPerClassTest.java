package io.srcn.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.k8s.MockKubernetes;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@CnTestkit(
    lifecycle = CnTestkit.Lifecycle.PER_CLASS,
    autoscalingVersions = {"v2beta2", "v1"},
    namespaces = "ns")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CnTestkitPerClassTest {
  private static final AtomicReference<MockKubernetes> SHARED = new AtomicReference<>();

  @BeforeAll
  static void start(MockKubernetes k8s) {
    SHARED.set(k8s);
  }

  @Test
  @Order(1)
  void theClassSharesOneServer(MockKubernetes k8s) {
    assertThat(k8s).isSameAs(SHARED.get());
    assertThat(k8s.client().getApiGroup("autoscaling").getPreferredVersion().getVersion())
        .isEqualTo("v2beta2");
    k8s.client()
        .configMaps()
        .inNamespace("ns")
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("kept")
                .endMetadata()
                .build())
        .create();
  }

  @Test
  @Order(2)
  void laterTestsSeeEarlierObjects(MockKubernetes k8s) {
    assertThat(k8s).isSameAs(SHARED.get());
    assertThat(k8s.client().configMaps().inNamespace("ns").withName("kept").get()).isNotNull();
  }
}
