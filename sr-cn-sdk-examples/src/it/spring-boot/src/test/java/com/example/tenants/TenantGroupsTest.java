package com.example.tenants;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.junit.CnTestkit;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * Runs on the classpath Spring Boot's BOM and sr-cn-bom give: the paths that failed without the
 * BOM (render to YAML: Jackson annotations; deploy: fabric8 serialization; the testkit's mock API
 * server: Vert.x on Netty).
 */
@CnTestkit(namespaces = "tenants")
class TenantGroupsTest {

  @Test
  void theBuildRunsOnTheSpringBootLineItWasAskedFor() {
    String expected = System.getProperty("expected.spring-boot.version");
    assertThat(SpringBootVersion.getVersion()).isNotBlank().isEqualTo(expected);
  }

  @Test
  void rendersATenantGroupAsYaml(Frontend frontend) {
    String yaml = new TenantGroups(null, frontend).spec("acme", 2).render().toYaml();

    assertThat(yaml).contains("StatefulSet").contains("acme-cn");
  }

  @Test
  void deploysATenantGroupAndRegistersItsNodes(
      FakeFrontend fe, KubernetesClient client, Frontend frontend) {
    try (ComputeNodeGroup group = new TenantGroups(client, frontend).provision("acme", 2)) {
      GroupStatus status = group.awaitReady(Duration.ofSeconds(60));

      assertThat(status.registeredCount()).isEqualTo(2);
      assertThat(fe.computeNodes()).hasSize(2).allMatch(FakeComputeNode::alive);
    }
  }
}
