package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Field ownership of server-side apply, the cases the SDK's replicas handover depends on. */
class ManagedFieldsTest {
  private MockKubernetes k8s;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.builder().namespaces("ns").build().start();
    client = k8s.client();
    k8s.statefulSets().freeze(true);
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  private StatefulSet apply(StatefulSet sts, String manager, boolean force) {
    var op = client.resource(sts).inNamespace("ns").fieldManager(manager);
    return force ? op.forceConflicts().serverSideApply() : op.serverSideApply();
  }

  private StatefulSet get() {
    return client.apps().statefulSets().inNamespace("ns").withName("g-cn").get();
  }

  private static StatefulSet replicasOnly(int replicas) {
    return new StatefulSetBuilder()
        .withNewMetadata()
        .withName("g-cn")
        .endMetadata()
        .withNewSpec()
        .withReplicas(replicas)
        .endSpec()
        .build();
  }

  @Test
  void droppingReplicasWithoutAnotherOwnerResetsThemToTheDefault() {
    apply(Fixtures.statefulSet("g-cn", 3, "Parallel"), "sdk", false);

    apply(Fixtures.statefulSet("g-cn", null, "Parallel"), "sdk", false);

    assertThat(get().getSpec().getReplicas()).isEqualTo(1);
  }

  @Test
  void handingReplicasToAnotherManagerFirstKeepsThem() {
    apply(Fixtures.statefulSet("g-cn", 3, "Parallel"), "sdk", false);
    apply(replicasOnly(3), "handover", true);

    StatefulSet after = apply(Fixtures.statefulSet("g-cn", null, "Parallel"), "sdk", false);

    assertThat(after.getSpec().getReplicas()).isEqualTo(3);
    assertThat(after.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
  }

  @Test
  void aFieldTheControllerScaledIsAConflictUnlessForced() {
    apply(Fixtures.statefulSet("g-cn", 3, "Parallel"), "sdk", false);
    client.apps().statefulSets().inNamespace("ns").withName("g-cn").scale(5);

    assertThatThrownBy(() -> apply(Fixtures.statefulSet("g-cn", 3, "Parallel"), "sdk", false))
        .isInstanceOf(KubernetesClientException.class)
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(409))
        .hasMessageContaining(".spec.replicas")
        .hasMessageContaining("fabric8-kubernetes-client");
    assertThat(
            apply(Fixtures.statefulSet("g-cn", 3, "Parallel"), "sdk", true).getSpec().getReplicas())
        .isEqualTo(3);
    assertThat(
            apply(Fixtures.statefulSet("g-cn", 3, "Parallel"), "sdk", false)
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
  }

  @Test
  void keyedListsMergeByKeyAcrossManagers() {
    apply(Fixtures.statefulSet("g-cn", 1, "Parallel"), "sdk", false);
    StatefulSet sidecar =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("g-cn")
            .endMetadata()
            .withNewSpec()
            .withNewTemplate()
            .withNewSpec()
            .addNewContainer()
            .withName("sidecar")
            .withImage("busybox")
            .endContainer()
            .endSpec()
            .endTemplate()
            .endSpec()
            .build();

    StatefulSet merged = apply(sidecar, "mesh", false);

    assertThat(merged.getSpec().getTemplate().getSpec().getContainers())
        .extracting(c -> c.getName())
        .containsExactly("cn", "sidecar");
  }

  @Test
  void reapplyingTheSameConfigurationChangesNothing() {
    String rv =
        apply(Fixtures.statefulSet("g-cn", 2, "Parallel"), "sdk", false)
            .getMetadata()
            .getResourceVersion();

    StatefulSet again = apply(Fixtures.statefulSet("g-cn", 2, "Parallel"), "sdk", false);

    assertThat(again.getMetadata().getResourceVersion()).isEqualTo(rv);
    assertThat(again.getMetadata().getManagedFields())
        .singleElement()
        .satisfies(f -> assertThat(f.getManager()).isEqualTo("sdk"));
  }
}
