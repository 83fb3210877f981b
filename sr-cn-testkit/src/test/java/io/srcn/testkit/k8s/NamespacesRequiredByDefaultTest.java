package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

/**
 * As on a real API server (the NamespaceLifecycle admission plugin, kubernetes/kubernetes
 * staging/src/k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle/admission.go, answers a
 * create in a namespace it cannot find with the NotFound of its namespace lookup), the mock refuses
 * objects in a namespace that does not exist unless the builder opts out.
 */
class NamespacesRequiredByDefaultTest {
  private static ConfigMap configMap() {
    return new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();
  }

  @Test
  void aCreateInAMissingNamespaceIsNotFoundByDefault() {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      assertThatThrownBy(() -> k8s.client().resource(configMap()).inNamespace("nope").create())
          .isInstanceOfSatisfying(
              KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404))
          .hasMessageContaining("namespaces \"nope\" not found");
      k8s.client().resource(configMap()).inNamespace("default").create();
    }
  }

  @Test
  void theBuilderCanOptOut() {
    try (MockKubernetes k8s = MockKubernetes.builder().requireNamespaces(false).build().start()) {
      k8s.client().resource(configMap()).inNamespace("nope").create();
      assertThat(k8s.client().configMaps().inNamespace("nope").withName("c").get()).isNotNull();
    }
  }
}
