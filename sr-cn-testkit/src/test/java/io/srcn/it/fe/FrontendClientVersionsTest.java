package io.srcn.it.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.ComputeNode.StatusCode;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeVersion;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every FE version profile's columns, error texts and grammar, through the SDK client. */
class FrontendClientVersionsTest {
  private static final HostPort CN0 = HostPort.of("g-cn-0.g-cn-search.ns.svc.cluster.local", 9050);
  private static final HostPort CN1 = HostPort.of("g-cn-1.g-cn-search.ns.svc.cluster.local", 9050);

  private static FakeFrontend fe(FeVersion version, boolean sharedData) {
    return FakeFrontend.builder()
        .version(version)
        .sharedData(sharedData)
        .heartbeatInterval(Duration.ofHours(1))
        .build()
        .start();
  }

  @ParameterizedTest(name = "{0} sharedData={1}")
  @CsvSource({
    "V2_4,false",
    "V3_0,false",
    "V3_0,true",
    "V3_3,false",
    "V3_3,true",
    "V3_4,false",
    "V3_4,true",
    "V3_5,false",
    "V3_5,true",
    "LATEST,false",
    "LATEST,true"
  })
  void registersListsAndDropsOnEveryProfile(FeVersion version, boolean sharedData) {
    try (FakeFrontend fe = fe(version, sharedData);
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      assertThat(client.serverVersion()).isEqualTo(version.release());

      assertThat(client.add(List.of(CN0)).added()).containsExactly(CN0);
      AddResult again = client.add(List.of(CN0, CN1)); // the version's "already exists" text
      assertThat(again.added()).containsExactly(CN1);
      assertThat(again.alreadyPresent()).containsExactly(CN0);

      List<ComputeNode> fresh = client.computeNodes();
      assertThat(fresh).extracting(ComputeNode::address).containsExactlyInAnyOrder(CN0, CN1);
      assertThat(fresh)
          .allSatisfy(
              n -> {
                assertThat(n.alive()).isFalse();
                assertThat(n.lastHeartbeat()).isEmpty();
                assertThat(n.bePort()).isEmpty();
              });

      fe.heartbeatNow();
      ComputeNode n = byAddress(client.computeNodes(), CN0);
      assertThat(n.alive()).isTrue();
      assertThat(n.bePort()).hasValue(9060);
      assertThat(n.httpPort()).hasValue(8040);
      assertThat(n.brpcPort()).hasValue(8060);
      assertThat(n.lastHeartbeat()).isPresent();
      assertThat(n.lastStartTime()).isPresent();
      assertThat(n.version()).isEqualTo(version.buildVersion());
      assertThat(n.errMsg()).isEmpty();
      checkVersionColumns(version, sharedData, n);

      fe.removeComputeNode(CN1.host(), CN1.port());
      DropResult dropped = client.drop(List.of(CN1, CN0)); // the version's "does not exist" text
      assertThat(dropped.dropped()).containsExactly(CN0);
      assertThat(dropped.alreadyAbsent()).containsExactly(CN1);
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  private static void checkVersionColumns(FeVersion version, boolean sharedData, ComputeNode n) {
    switch (version) {
      case V2_4 -> {
        assertThat(n.raw()).containsKey("Cluster");
        assertThat(n.cpuCores()).isEmpty();
        assertThat(n.memUsedPct()).isEmpty();
        assertThat(n.statusCode()).isEqualTo(StatusCode.UNKNOWN);
      }
      case V3_0 -> {
        assertThat(n.cpuCores()).isPresent();
        assertThat(n.numRunningQueries()).hasValue(0);
        assertThat(n.memUsedPct()).isPresent();
        assertThat(n.cpuUsedPct()).isPresent();
        assertThat(n.statusCode()).isEqualTo(StatusCode.UNKNOWN);
        assertThat(n.raw().containsKey("StarletPort")).isEqualTo(sharedData);
      }
      default -> {
        assertThat(n.statusCode()).isEqualTo(StatusCode.OK);
        assertThat(n.raw()).containsKeys("MemLimit", "DataCacheMetrics");
        assertThat(n.cpuCores()).isPresent();
        assertThat(n.warehouse().isPresent()).isEqualTo(sharedData);
        sharedDataWarehouse(sharedData, n);
        assertThat(n.cnGroup().isPresent()).isEqualTo(version == FeVersion.LATEST);
      }
    }
  }

  private static void sharedDataWarehouse(boolean sharedData, ComputeNode n) {
    if (sharedData) {
      assertThat(n.warehouse()).contains("default_warehouse");
    }
  }

  @Test
  void warehousesOnAMultiWarehouseFe() {
    try (FakeFrontend fe = multiWarehouse(FeVersion.V3_4);
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      fe.warehouses().create("wh2");

      assertThat(client.add(List.of(CN0), "wh2").added()).containsExactly(CN0);
      assertThat(client.computeNodes().get(0).warehouse()).contains("wh2");

      // before 4.0 a DROP without FROM WAREHOUSE means default_warehouse
      assertThatThrownBy(() -> client.drop(List.of(CN0)))
          .isInstanceOf(FrontendException.class)
          .hasMessageContaining("warehouse 'wh2'");
      DropResult wrong = client.drop(List.of(CN0), "default_warehouse");
      assertThat(wrong.alreadyAbsent()).containsExactly(CN0);
      assertThat(fe.computeNodes()).hasSize(1);

      assertThat(client.drop(List.of(CN0), "wh2").dropped()).containsExactly(CN0);
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  @Test
  void theNewestFeDropsFromAnyWarehouseWithoutAClause() {
    try (FakeFrontend fe = multiWarehouse(FeVersion.LATEST);
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      fe.warehouses().create("wh2");
      client.add(List.of(CN0), "wh2");

      assertThat(client.drop(List.of(CN0)).dropped()).containsExactly(CN0);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"V3_0", "V3_3"})
  void anFeWithoutTheClauseRejectsItAsASyntaxError(FeVersion version) {
    try (FakeFrontend fe = fe(version, true);
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      assertThatThrownBy(() -> client.add(List.of(CN0), "default_warehouse"))
          .isInstanceOf(FrontendException.class)
          .hasMessageStartingWith("add compute nodes [" + CN0 + "] failed on FE")
          .hasMessageContaining("error 1064")
          .hasMessageContaining("Getting syntax error")
          .hasMessageContaining("Unexpected input 'INTO'");
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  @Test
  void anOssFeOf34KnowsOnlyTheDefaultWarehouse() {
    try (FakeFrontend fe = fe(FeVersion.V3_4, true);
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      assertThatThrownBy(() -> client.add(List.of(CN0), "wh2"))
          .isInstanceOf(FrontendException.class)
          .hasMessageContaining("Warehouse name: wh2 not exist.");
      assertThat(client.add(List.of(CN0), "default_warehouse").added()).containsExactly(CN0);
      assertThat(client.computeNodes().get(0).warehouse()).contains("default_warehouse");
    }
  }

  private static ComputeNode byAddress(List<ComputeNode> nodes, HostPort address) {
    return nodes.stream().filter(n -> n.address().equals(address)).findFirst().orElseThrow();
  }

  private static FakeFrontend multiWarehouse(FeVersion version) {
    return FakeFrontend.builder()
        .version(version)
        .sharedData(true)
        .multiWarehouse(true)
        .heartbeatInterval(Duration.ofHours(1))
        .build()
        .start();
  }
}
