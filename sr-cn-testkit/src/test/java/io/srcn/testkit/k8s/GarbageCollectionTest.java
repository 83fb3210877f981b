package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GarbageCollectionTest {
  private MockKubernetes k8s;
  private KubernetesClient client;
  private StatefulSet owner;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.builder().namespaces("ns").build().start();
    client = k8s.client();
    owner = client.resource(Fixtures.statefulSet("g-cn", 2, "Parallel")).inNamespace("ns").create();
    client.resource(owned("g-cn-config", owner)).inNamespace("ns").create();
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("g-cn")
        .waitUntilReady(10, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  private static ConfigMap owned(String name, StatefulSet owner) {
    OwnerReference ref =
        new OwnerReferenceBuilder()
            .withApiVersion("apps/v1")
            .withKind("StatefulSet")
            .withName(owner.getMetadata().getName())
            .withUid(owner.getMetadata().getUid())
            .build();
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .withOwnerReferences(ref)
        .endMetadata()
        .build();
  }

  @Test
  void backgroundDeletionRemovesDependentsAndPodsAfterTheOwner() {
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("g-cn")
        .withPropagationPolicy(DeletionPropagation.BACKGROUND)
        .delete();

    assertThat(client.apps().statefulSets().inNamespace("ns").withName("g-cn").get()).isNull();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(client.configMaps().inNamespace("ns").withName("g-cn-config").get())
                  .isNull();
              assertThat(client.pods().inNamespace("ns").list().getItems()).isEmpty();
            });
  }

  @Test
  void foregroundDeletionKeepsTheOwnerUntilDependentsAreGone() {
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("g-cn")
        .withPropagationPolicy(DeletionPropagation.FOREGROUND)
        .delete();

    StatefulSet marked = client.apps().statefulSets().inNamespace("ns").withName("g-cn").get();
    if (marked != null) {
      assertThat(marked.getMetadata().getFinalizers()).contains("foregroundDeletion");
      assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () -> {
              assertThat(client.apps().statefulSets().inNamespace("ns").withName("g-cn").get())
                  .isNull();
              assertThat(client.configMaps().inNamespace("ns").withName("g-cn-config").get())
                  .isNull();
              assertThat(client.pods().inNamespace("ns").list().getItems()).isEmpty();
            });
  }

  @Test
  void orphanDeletionKeepsDependentsWithoutTheReference() {
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("g-cn")
        .withPropagationPolicy(DeletionPropagation.ORPHAN)
        .delete();

    assertThat(client.apps().statefulSets().inNamespace("ns").withName("g-cn").get()).isNull();
    ConfigMap cm = client.configMaps().inNamespace("ns").withName("g-cn-config").get();
    assertThat(cm).isNotNull();
    assertThat(cm.getMetadata().getOwnerReferences()).isEmpty();
    assertThat(client.pods().inNamespace("ns").list().getItems()).hasSize(2);
  }

  @Test
  void aDependentWithAnotherLiveOwnerOnlyLosesTheDanglingReference() {
    ConfigMap other =
        client
            .resource(
                new ConfigMapBuilder().withNewMetadata().withName("other").endMetadata().build())
            .inNamespace("ns")
            .create();
    client
        .configMaps()
        .inNamespace("ns")
        .withName("g-cn-config")
        .edit(
            c -> {
              c.getMetadata()
                  .getOwnerReferences()
                  .add(
                      new OwnerReferenceBuilder()
                          .withApiVersion("v1")
                          .withKind("ConfigMap")
                          .withName("other")
                          .withUid(other.getMetadata().getUid())
                          .build());
              return c;
            });

    client.apps().statefulSets().inNamespace("ns").withName("g-cn").delete();

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .configMaps()
                            .inNamespace("ns")
                            .withName("g-cn-config")
                            .get()
                            .getMetadata()
                            .getOwnerReferences())
                    .extracting(OwnerReference::getName)
                    .containsExactly("other"));
  }

  @Test
  void dryRunDeleteAndCreateDoNotPersist() {
    client.apps().statefulSets().inNamespace("ns").withName("g-cn").dryRun().delete();
    client
        .resource(new ConfigMapBuilder().withNewMetadata().withName("dry").endMetadata().build())
        .inNamespace("ns")
        .dryRun()
        .create();

    assertThat(client.apps().statefulSets().inNamespace("ns").withName("g-cn").get()).isNotNull();
    assertThat(client.configMaps().inNamespace("ns").withName("dry").get()).isNull();
    assertThat(client.configMaps().inNamespace("ns").withName("g-cn-config").get()).isNotNull();
  }

  @Test
  void finalizersHoldDeletionUntilRemoved() {
    client
        .configMaps()
        .inNamespace("ns")
        .withName("g-cn-config")
        .edit(
            c -> {
              c.getMetadata().getFinalizers().add("srcn.io/test");
              return c;
            });

    client.configMaps().inNamespace("ns").withName("g-cn-config").delete();
    ConfigMap marked = client.configMaps().inNamespace("ns").withName("g-cn-config").get();
    assertThat(marked.getMetadata().getDeletionTimestamp()).isNotNull();

    client
        .configMaps()
        .inNamespace("ns")
        .withName("g-cn-config")
        .edit(
            c -> {
              c.getMetadata().getFinalizers().clear();
              return c;
            });
    assertThat(client.configMaps().inNamespace("ns").withName("g-cn-config").get()).isNull();
  }
}
