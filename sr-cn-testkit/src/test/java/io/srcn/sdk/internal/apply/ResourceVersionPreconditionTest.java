package io.srcn.sdk.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.testkit.k8s.MockKubernetes;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the compare-and-set of a spec write relies on ({@link Writer} with a {@code
 * resourceVersion}): fabric8 sends the object's {@code metadata.resourceVersion} in a server-side
 * apply, and the API server holds the apply to it, answering 409 Conflict when the object changed
 * since ({@code Store.Update}, kubernetes {@code
 * staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go}; patches carrying a
 * resourceVersion, kubernetes issue #63104). Checked here on the testkit's API server.
 */
class ResourceVersionPreconditionTest {

  @Test
  void aServerSideApplyCarryingAStaleResourceVersionIsAConflict() {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      ConfigMap created =
          k8s.client()
              .resource(configMap("a", null))
              .fieldManager("sr-cn-sdk")
              .forceConflicts()
              .serverSideApply();
      String read = created.getMetadata().getResourceVersion();
      k8s.client()
          .resource(configMap("b", null))
          .fieldManager("someone-else")
          .forceConflicts()
          .serverSideApply();

      assertThatThrownBy(
              () ->
                  k8s.client()
                      .resource(configMap("c", read))
                      .fieldManager("sr-cn-sdk")
                      .forceConflicts()
                      .serverSideApply())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(409));
      assertThat(k8s.client().configMaps().inNamespace("ns").withName("cm").get().getData())
          .containsEntry("k", "b");

      String current =
          k8s.client()
              .configMaps()
              .inNamespace("ns")
              .withName("cm")
              .get()
              .getMetadata()
              .getResourceVersion();
      k8s.client()
          .resource(configMap("d", current))
          .fieldManager("sr-cn-sdk")
          .forceConflicts()
          .serverSideApply();
      assertThat(k8s.client().configMaps().inNamespace("ns").withName("cm").get().getData())
          .containsEntry("k", "d");
    }
  }

  private static ConfigMap configMap(String value, String resourceVersion) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("cm")
        .withNamespace("ns")
        .withResourceVersion(resourceVersion)
        .endMetadata()
        .withData(Map.of("k", value))
        .build();
  }
}
