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
}
