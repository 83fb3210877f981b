package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelectorsAndWatchesTest {
  private MockKubernetes k8s;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.builder().namespaces("ns").build().start();
    client = k8s.client();
    for (String group : new String[] {"a", "b", "c"}) {
      client.resource(cm("cm-" + group, group)).inNamespace("ns").create();
    }
    client
        .resource(
            new ConfigMapBuilder().withNewMetadata().withName("unlabelled").endMetadata().build())
        .inNamespace("ns")
        .create();
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  private static ConfigMap cm(String name, String group) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels("group", group)
        .endMetadata()
        .build();
  }

  private List<String> names(List<ConfigMap> items) {
    return items.stream().map(c -> c.getMetadata().getName()).toList();
  }

  @Test
  void setBasedSelectorsFilterLists() {
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("ns")
                    .withLabelIn("group", "a", "b")
                    .list()
                    .getItems()))
        .containsExactly("cm-a", "cm-b");
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("ns")
                    .withLabelNotIn("group", "a")
                    .list()
                    .getItems()))
        .containsExactly("cm-b", "cm-c", "unlabelled");
    assertThat(names(client.configMaps().inNamespace("ns").withLabel("group").list().getItems()))
        .containsExactly("cm-a", "cm-b", "cm-c");
    assertThat(names(client.configMaps().inNamespace("ns").withoutLabel("group").list().getItems()))
        .containsExactly("unlabelled");
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("ns")
                    .withLabelSelector("group in (a,c),group!=c")
                    .list()
                    .getItems()))
        .containsExactly("cm-a");
  }

  @Test
  void fieldSelectorsWorkOnAnyPath() {
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("ns")
                    .withField("metadata.name", "cm-b")
                    .list()
                    .getItems()))
        .containsExactly("cm-b");
    assertThat(
            names(
                client
                    .configMaps()
                    .inNamespace("ns")
                    .withoutField("metadata.name", "cm-b")
                    .list()
                    .getItems()))
        .containsExactly("cm-a", "cm-c", "unlabelled");
  }

  @Test
  void malformedSelectorIs400NamingIt() {
    assertThatThrownBy(
            () -> client.configMaps().inNamespace("ns").withLabelSelector("group in a").list())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("group in a")
        .satisfies(e -> assertThat(((KubernetesClientException) e).getCode()).isEqualTo(400));
  }

  @Test
  void deleteCollectionHonoursSetBasedSelectors() {
    client.configMaps().inNamespace("ns").withLabelIn("group", "a", "c").delete();

    assertThat(names(client.configMaps().inNamespace("ns").list().getItems()))
        .containsExactly("cm-b", "unlabelled");
  }

  @Test
  void watchesSendOnlyMatchingObjectsAndTurnLabelChangesIntoAddedAndDeleted() {
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch w =
        client
            .configMaps()
            .inNamespace("ns")
            .withLabelIn("group", "a", "x")
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    events.add(action + ":" + resource.getMetadata().getName());
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("ADDED:cm-a"));
      client
          .configMaps()
          .inNamespace("ns")
          .withName("cm-b")
          .edit(
              c -> {
                c.getMetadata().getLabels().put("group", "x");
                return c;
              });
      client
          .configMaps()
          .inNamespace("ns")
          .withName("cm-a")
          .edit(
              c -> {
                c.getMetadata().getLabels().put("group", "z");
                return c;
              });
      client
          .configMaps()
          .inNamespace("ns")
          .withName("cm-c")
          .edit(
              c -> {
                c.getData().put("k", "v");
                return c;
              });
      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 3);
    }
    assertThat(events).containsExactly("ADDED:cm-a", "ADDED:cm-b", "DELETED:cm-a");
  }

  @Test
  void aWatchFromAListsResourceVersionHearsOfDeletionsMadeInBetween() {
    // an informer lists, then watches from the list's resourceVersion: what is deleted in between
    // must still reach it as DELETED, or its cache keeps the object for good
    String listedAt =
        client.configMaps().inNamespace("ns").list().getMetadata().getResourceVersion();
    client.configMaps().inNamespace("ns").withName("cm-b").delete();
    client.configMaps().inNamespace("ns").withName("cm-c").delete();
    client.resource(cm("cm-c", "c")).inNamespace("ns").create(); // back again: no DELETED
    List<String> events = new CopyOnWriteArrayList<>();
    try (Watch w =
        client
            .configMaps()
            .inNamespace("ns")
            .withResourceVersion(listedAt)
            .watch(
                new Watcher<>() {
                  @Override
                  public void eventReceived(Action action, ConfigMap resource) {
                    events.add(
                        action
                            + ":"
                            + resource.getMetadata().getName()
                            + (action == Action.DELETED
                                ? "@" + resource.getMetadata().getResourceVersion()
                                : ""));
                  }

                  @Override
                  public void onClose(WatcherException cause) {}
                })) {
      await().atMost(Duration.ofSeconds(10)).until(() -> events.size() >= 2);
    }
    assertThat(events).hasSize(2).contains("ADDED:cm-c");
    assertThat(events)
        .filteredOn(e -> e.startsWith("DELETED:cm-b@"))
        .singleElement()
        .satisfies(
            e ->
                assertThat(Long.parseLong(e.substring(e.indexOf('@') + 1)))
                    .isGreaterThan(Long.parseLong(listedAt)));
  }

  @Test
  void informersWithLabelSelectorsSeeOnlyTheirObjects() {
    List<String> added = new CopyOnWriteArrayList<>();
    SharedIndexInformer<ConfigMap> informer =
        client
            .configMaps()
            .inNamespace("ns")
            .withLabelNotIn("group", "a")
            .inform(
                new ResourceEventHandler<>() {
                  @Override
                  public void onAdd(ConfigMap obj) {
                    added.add(obj.getMetadata().getName());
                  }

                  @Override
                  public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {}

                  @Override
                  public void onDelete(ConfigMap obj, boolean deletedFinalStateUnknown) {}
                });
    try {
      client.resource(cm("cm-d", "d")).inNamespace("ns").create();
      client.resource(cm("cm-e", "a")).inNamespace("ns").create();
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(informer.getStore().list())
                      .extracting(c -> c.getMetadata().getName())
                      .containsExactlyInAnyOrder("cm-b", "cm-c", "unlabelled", "cm-d"));
      assertThat(added).doesNotContain("cm-a", "cm-e");
    } finally {
      informer.close();
    }
  }
}
