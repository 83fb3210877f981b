package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.junit.jupiter.api.Test;

class TrimmedItemStoreTest {
  @Test
  void cachesObjectsUnderTheDefaultKeyWithoutManagedFields() {
    TrimmedItemStore<Pod> store = new TrimmedItemStore<>();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("p")
            .addToLabels("a", "b")
            .withManagedFields(
                new ManagedFieldsEntryBuilder().withManager("srcn").withOperation("Apply").build())
            .endMetadata()
            .build();
    assertThat(store.getKey(pod)).isEqualTo("ns/p");
    store.put(store.getKey(pod), pod);
    Pod cached = store.get("ns/p");
    assertThat(cached.getMetadata().getManagedFields()).isNullOrEmpty();
    assertThat(cached.getMetadata().getLabels()).containsEntry("a", "b");
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aCachedPodKeepsWhatPodViewsReadsAndDropsTheRestOfItsSpec() {
    TrimmedItemStore<Pod> store = new TrimmedItemStore<>();
    Pod pod =
        new PodBuilder()
            .withNewMetadata()
            .withNamespace("ns")
            .withName("g-cn-0")
            .addToLabels("a", "b")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("cn")
            .withImage("starrocks/cn-ubuntu:3.3.5")
            .addNewEnv()
            .withName("E")
            .withValue("v")
            .endEnv()
            .addNewPort()
            .withName("heartbeat")
            .withContainerPort(9051)
            .endPort()
            .endContainer()
            .addNewVolume()
            .withName("v")
            .endVolume()
            .endSpec()
            .withNewStatus()
            .withPodIP("10.0.0.1")
            .addNewCondition()
            .withType("Ready")
            .withStatus("True")
            .endCondition()
            .endStatus()
            .build();
    store.put(store.getKey(pod), pod);
    Pod cached = store.get("ns/g-cn-0");
    assertThat(cached.getSpec().getVolumes()).isNullOrEmpty();
    assertThat(cached.getSpec().getContainers())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getName()).isEqualTo("cn");
              assertThat(c.getEnv()).isNullOrEmpty();
              assertThat(c.getImage()).isNull();
              assertThat(c.getPorts())
                  .singleElement()
                  .satisfies(p -> assertThat(p.getContainerPort()).isEqualTo(9051));
            });
    PodView view = PodViews.view("g", cached, 9050).orElseThrow();
    assertThat(view.ready()).isTrue();
    assertThat(view.heartbeatPort()).isEqualTo(9051);
    assertThat(view.ip()).contains("10.0.0.1");
  }
}
