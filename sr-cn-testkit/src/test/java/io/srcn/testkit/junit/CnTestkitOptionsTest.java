package io.srcn.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The annotation's options: FE version, namespaces, and the namespace check (on by default). */
@CnTestkit(
    feVersion = FeVersion.V2_4,
    heartbeatMillis = 25,
    namespaces = {"team-a", "team-b"})
class CnTestkitOptionsTest {
  private static ConfigMap configMap() {
    return new ConfigMapBuilder().withNewMetadata().withName("c").endMetadata().build();
  }

  @Test
  void theListedNamespacesExistAndOthersAreRefused(KubernetesClient client) {
    assertThat(client.namespaces().withName("team-a").get()).isNotNull();
    assertThat(client.namespaces().withName("team-b").get()).isNotNull();
    client.resource(configMap()).inNamespace("team-b").create();

    assertThatThrownBy(() -> client.resource(configMap()).inNamespace("team-c").create())
        .isInstanceOfSatisfying(
            KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404))
        .hasMessageContaining("namespaces \"team-c\" not found");
  }

  @Test
  void theFrontendImitatesTheChosenVersion(FakeFrontend fe) throws Exception {
    try (Connection c = DriverManager.getConnection(fe.jdbcUrl(), "root", "")) {
      assertThat(c.getMetaData().getDatabaseProductVersion())
          .startsWith(FeVersion.V2_4.serverVersion());
    }
  }

  @Nested
  @CnTestkit(requireNamespaces = false)
  class WithoutTheNamespaceCheck {
    @Test
    void objectsMayBeCreatedInAnyNamespace(KubernetesClient client) {
      client.resource(configMap()).inNamespace("anywhere").create();
      assertThat(client.configMaps().inNamespace("anywhere").withName("c").get()).isNotNull();
    }
  }
}
