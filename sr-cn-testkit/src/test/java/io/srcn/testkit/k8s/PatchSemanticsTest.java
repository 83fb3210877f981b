package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PatchSemanticsTest {
  private MockKubernetes k8s;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.builder().namespaces("ns").build().start();
    client = k8s.client();
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  @Test
  void mergePatchDeletesNullKeysAndReplacesArrays() {
    client.resource(Fixtures.statefulSet("m", 1, "Parallel")).inNamespace("ns").create();

    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("m")
        .patch(
            PatchContext.of(PatchType.JSON_MERGE),
            "{\"metadata\":{\"labels\":{\"app\":null}},\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"name\":\"cn\",\"image\":\"starrocks/cn-ubuntu:3.3.6\"}]}}}}");

    StatefulSet sts = client.apps().statefulSets().inNamespace("ns").withName("m").get();
    assertThat(sts.getMetadata().getLabels())
        .doesNotContainKey("app")
        .containsKey("app.kubernetes.io/managed-by");
    assertThat(sts.getSpec().getTemplate().getSpec().getContainers())
        .singleElement()
        .satisfies(c -> assertThat(c.getImage()).isEqualTo("starrocks/cn-ubuntu:3.3.6"));
    assertThat(sts.getMetadata().getGeneration()).isEqualTo(2L);
  }

  @Test
  void serverSideApplyMergesWhatOtherManagersOwnAndDropsWhatTheSameManagerStopsSending() {
    ConfigMap first =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("c")
            .addToLabels("a", "1")
            .endMetadata()
            .addToData("k1", "v1")
            .build();
    client.resource(first).inNamespace("ns").fieldManager("one").serverSideApply();
    ConfigMap second =
        new ConfigMapBuilder()
            .withNewMetadata()
            .withName("c")
            .endMetadata()
            .addToData("k2", "v2")
            .build();

    ConfigMap both =
        client.resource(second).inNamespace("ns").fieldManager("two").serverSideApply();
    assertThat(both.getData()).containsEntry("k1", "v1").containsEntry("k2", "v2");
    assertThat(both.getMetadata().getLabels()).containsEntry("a", "1");

    ConfigMap dropped =
        client
            .resource(
                new ConfigMapBuilder()
                    .withNewMetadata()
                    .withName("c")
                    .endMetadata()
                    .addToData("k1", "v1")
                    .build())
            .inNamespace("ns")
            .fieldManager("one")
            .serverSideApply();
    assertThat(dropped.getData()).containsOnlyKeys("k1", "k2");
    assertThat(dropped.getMetadata().getLabels()).isNullOrEmpty();
    assertThat(dropped.getMetadata().getManagedFields())
        .extracting(f -> f.getManager() + "/" + f.getOperation())
        .containsExactlyInAnyOrder("one/Apply", "two/Apply");
  }

  @Test
  void strategicMergeMergesContainersByName() {
    client.resource(Fixtures.statefulSet("s", 1, "Parallel")).inNamespace("ns").create();

    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("s")
        .patch(
            PatchContext.of(PatchType.STRATEGIC_MERGE),
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"sidecar\",\"image\":\"busybox\"}]}}}}");

    assertThat(
            client
                .apps()
                .statefulSets()
                .inNamespace("ns")
                .withName("s")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers())
        .extracting(c -> c.getName())
        .containsExactly("cn", "sidecar");
  }

  @Test
  void unknownStrategicDirectiveIs415NamingIt() {
    client.resource(Fixtures.statefulSet("s", 1, "Parallel")).inNamespace("ns").create();

    assertThatThrownBy(
            () ->
                client
                    .apps()
                    .statefulSets()
                    .inNamespace("ns")
                    .withName("s")
                    .patch(
                        PatchContext.of(PatchType.STRATEGIC_MERGE),
                        "{\"spec\":{\"$unknownDirective\":{}}}"))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(415))
        .hasMessageContaining("$unknownDirective");
  }
}
