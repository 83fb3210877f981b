package io.srcn.testkit.fe;

import static io.srcn.testkit.fe.Jdbc.assertError;
import static io.srcn.testkit.fe.Jdbc.columns;
import static io.srcn.testkit.fe.Jdbc.connect;
import static io.srcn.testkit.fe.Jdbc.error;
import static io.srcn.testkit.fe.Jdbc.execute;
import static io.srcn.testkit.fe.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * ALTER SYSTEM ADD/DROP COMPUTE NODE and SHOW COMPUTE NODES per version profile, as Connector/J
 * sees them (the driver maps SQLSTATE HY000 of error 1064 to 42000).
 */
class ComputeNodeStatementsTest {
  private static final List<String> V33 =
      List.of(
          "ComputeNodeId",
          "IP",
          "HeartbeatPort",
          "BePort",
          "HttpPort",
          "BrpcPort",
          "LastStartTime",
          "LastHeartbeat",
          "Alive",
          "SystemDecommissioned",
          "ClusterDecommissioned",
          "ErrMsg",
          "Version",
          "CpuCores",
          "MemLimit",
          "NumRunningQueries",
          "MemUsedPct",
          "CpuUsedPct",
          "DataCacheMetrics",
          "HasStoragePath",
          "StatusCode");

  static FakeFrontend fe(FeVersion version) {
    return FakeFrontend.builder()
        .version(version)
        .heartbeatInterval(Duration.ofHours(1))
        .build()
        .start();
  }

  @ParameterizedTest
  @EnumSource(FeVersion.class)
  void addShowDropRoundTrip(FeVersion version) throws Exception {
    try (FakeFrontend fe = fe(version);
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'cn-1.svc:9050', \"cn-0.svc:9050\"");
      List<Map<String, String>> rows = query(c, "SHOW COMPUTE NODES");
      // 2.4 sorts by Cluster and HeartbeatPort (equal here: id order), later FEs by IP and BePort
      boolean byId = version == FeVersion.V2_4;
      assertThat(rows)
          .extracting(r -> r.get("IP"))
          .containsExactly(byId ? "cn-1.svc" : "cn-0.svc", byId ? "cn-0.svc" : "cn-1.svc");
      Map<String, String> row = rows.get(1);
      assertThat(row)
          .containsEntry("HeartbeatPort", "9050")
          .containsEntry("BePort", "-1")
          .containsEntry("LastStartTime", null)
          .containsEntry("LastHeartbeat", null)
          .containsEntry("Alive", "false")
          .containsEntry("ErrMsg", "")
          .containsEntry("Version", "");
      assertThat(query(c, "SHOW PROC '/compute_nodes'")).isEqualTo(rows);
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE 'cn-0.svc:9050'");
      assertThat(query(c, "show compute nodes"))
          .extracting(r -> r.get("IP"))
          .containsExactly("cn-1.svc");
    }
  }

  @Test
  void columnSetsPerProfile() throws Exception {
    assertThat(labels(FeVersion.V2_4, false))
        .containsExactly(
            "ComputeNodeId",
            "Cluster",
            "IP",
            "HeartbeatPort",
            "BePort",
            "HttpPort",
            "BrpcPort",
            "LastStartTime",
            "LastHeartbeat",
            "Alive",
            "SystemDecommissioned",
            "ClusterDecommissioned",
            "ErrMsg",
            "Version");
    List<String> v30 = labels(FeVersion.V3_0, false);
    assertThat(v30)
        .hasSize(18)
        .endsWith("CpuCores", "NumRunningQueries", "MemUsedPct", "CpuUsedPct", "HasStoragePath");
    assertThat(labels(FeVersion.V3_0, true))
        .hasSize(20)
        .endsWith("HasStoragePath", "StarletPort", "WorkerId");
    assertThat(labels(FeVersion.V3_3, false)).isEqualTo(V33);
    assertThat(labels(FeVersion.V3_3, true))
        .hasSize(25)
        .startsWith(V33.toArray(String[]::new))
        .endsWith("StarletPort", "WorkerId", "WarehouseName", "TabletNum");
    assertThat(labels(FeVersion.LATEST, false)).hasSize(22).endsWith("StatusCode", "CNGroupName");
    assertThat(labels(FeVersion.LATEST, true))
        .hasSize(26)
        .endsWith("CNGroupName", "StarletPort", "WorkerId", "WarehouseName", "TabletNum");
  }

  private static List<String> labels(FeVersion version, boolean sharedData) throws Exception {
    try (FakeFrontend fe =
            FakeFrontend.builder().version(version).sharedData(sharedData).build().start();
        Connection c = connect(fe)) {
      return columns(c, "SHOW COMPUTE NODES");
    }
  }

  @ParameterizedTest
  @EnumSource(FeVersion.class)
  void errorTextsPerProfile(FeVersion version) throws Exception {
    boolean old = version.compareTo(FeVersion.V3_3) < 0;
    try (FakeFrontend fe = fe(version);
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE '10.0.0.1:9050'");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE '10.0.0.1:9050'"),
          1064,
          "42000",
          old
              ? "Same compute node already exists[10.0.0.1:9050]"
              : "Compute node already exists with same host 10.0.0.1 and port 9050");
      assertError(
          error(c, "ALTER SYSTEM DROP COMPUTE NODE '10.0.0.2:9050'"),
          1064,
          "42000",
          "compute node does not exists[10.0.0.2:9050]");
      assertError(
          error(c, "ALTER SYSTEM DROP COMPUTE NODE '[::1]:9050'"),
          1064,
          "42000",
          "compute node does not exists[[::1]:9050]");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE '10.0.0.3:70000'"),
          1064,
          "42000",
          old
              ? "compute node host or port is wrong!"
              : "Getting analyzing error. Detail message: Encounter unknown exception: Port is out"
                  + " of range: 70000.");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE '10.0.0.3'"),
          1064,
          "42000",
          old
              ? "compute node host or port is wrong!"
              : "Getting analyzing error. Detail message: Invalid host port: 10.0.0.3.");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 10.0.0.3:9050"),
          1064,
          "42000",
          "Getting syntax error at line 1, column 30. Detail message: Unexpected input '10.0',"
              + " the most similar input is {a legal string}.");
      assertThat(fe.computeNodes()).hasSize(1);
    }
  }

  @ParameterizedTest
  @EnumSource(FeVersion.class)
  void privilegeErrorPerProfile(FeVersion version) throws Exception {
    try (FakeFrontend fe = fe(version)) {
      fe.addUser("viewer", "pw", false);
      try (Connection c = connect(fe, "viewer", "pw")) {
        if (version == FeVersion.V2_4) {
          assertError(
              error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050'"),
              1227,
              "42000",
              "Access denied; you need (at least one of) the NODE privilege(s) for this"
                  + " operation");
        } else {
          assertError(
              error(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050'"),
              5203,
              "42000",
              "Access denied; you need (at least one of) the NODE privilege(s) on SYSTEM for this"
                  + " operation. Please ask the admin to grant permission(s) or try activating"
                  + " existing roles using <set [default] role>. Current role(s): NONE."
                  + " Inactivated role(s): NONE.");
        }
        assertThat(query(c, "SHOW COMPUTE NODES")).isEmpty();
      }
      assertThat(fe.statements())
          .filteredOn(StatementRecord::isError)
          .singleElement()
          .satisfies(r -> assertThat(r.user()).isEqualTo("viewer"));
    }
  }

  @Test
  void grammarIsCaseInsensitiveAcceptsBothQuotesSemicolonWhitespaceAndIpv6() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3);
        Connection c = connect(fe)) {
      execute(c, "alter system add compute node \" cn-a : 9050 \", '[::1]:9051';");
      execute(c, "  /* sdk */ Alter System Add Compute Node 'cn-b:9050' ; ");
      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::address)
          .containsExactly("cn-a:9050", "[::1]:9051", "cn-b:9050");
      assertThat(query(c, "SHOW COMPUTE NODES"))
          .extracting(r -> r.get("IP"))
          .containsExactly("::1", "cn-a", "cn-b");
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE '[::1]:9051'");
      assertThat(fe.computeNode("::1", 9051)).isEmpty();
    }
  }

  @Test
  void addChecksEveryAddressBeforeAddingAny() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3);
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'b:9050'");
      error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050', 'b:9050', 'c:9050'");
      error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050', 'c:x'");
      assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("b");
    }
  }

  @Test
  void dropStopsAtTheFirstMissingNodeSince33ButChecksAllFirstBefore() throws Exception {
    for (FeVersion v : List.of(FeVersion.V3_0, FeVersion.V3_3)) {
      try (FakeFrontend fe = fe(v);
          Connection c = connect(fe)) {
        execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050', 'c:9050'");
        assertError(
            error(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050', 'b:9050', 'c:9050'"),
            1064,
            "42000",
            "compute node does not exists[b:9050]");
        assertThat(fe.computeNodes())
            .extracting(FakeComputeNode::host)
            .containsExactlyElementsOf(v == FeVersion.V3_0 ? List.of("a", "c") : List.of("c"));
      }
    }
  }

  @Test
  void rowsAreSortedAsStringsByIpThenBePort() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3);
        Connection c = connect(fe)) {
      execute(
          c,
          "ALTER SYSTEM ADD COMPUTE NODE 'b:9050', 'a:9051', 'a:9050', '10.0.0.10:9050',"
              + " '10.0.0.9:9050'");
      assertThat(query(c, "SHOW COMPUTE NODES"))
          .extracting(r -> r.get("IP") + ":" + r.get("HeartbeatPort"))
          .containsExactly("10.0.0.10:9050", "10.0.0.9:9050", "a:9051", "a:9050", "b:9050");
    }
  }

  @Test
  void ipModeResolvesOnAddOnly() throws Exception {
    try (FakeFrontend fe =
            FakeFrontend.builder()
                .mode(FeMode.IP)
                .resolver(
                    h ->
                        h.equals("cn-0.svc")
                            ? java.util.Optional.of("10.1.2.3")
                            : java.util.Optional.empty())
                .build()
                .start();
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'cn-0.svc:9050', '10.9.9.9:9050'");
      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::host)
          .containsExactly("10.1.2.3", "10.9.9.9");
      assertError(
          error(c, "ALTER SYSTEM DROP COMPUTE NODE 'cn-0.svc:9050'"),
          1064,
          "42000",
          "compute node does not exists[cn-0.svc:9050]");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'cn-1.svc:9050'"),
          1064,
          "42000",
          "Getting analyzing error. Detail message: Unknown host: cn-1.svc: Name or service not"
              + " known.");
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE '10.1.2.3:9050'");
      assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("10.9.9.9");
    }
  }

  @Test
  void fqdnModeStoresNamesAsGiven() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3);
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'CN-0.Svc:9050'");
      assertError(
          error(c, "ALTER SYSTEM DROP COMPUTE NODE 'cn-0.svc:9050'"),
          1064,
          "42000",
          "compute node does not exists[cn-0.svc:9050]");
      assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("CN-0.Svc");
    }
  }

  @Test
  void largeResultsStayCorrectAcrossRepeatsAndStateChanges() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3);
        Connection c = connect(fe);
        Connection other = connect(fe)) {
      for (int i = 0; i < 40; i++) {
        fe.addComputeNode(String.format("cn-%02d.svc", i), 9050);
      }
      List<Map<String, String>> first = query(c, "SHOW COMPUTE NODES");
      assertThat(first).hasSize(40).allMatch(r -> r.get("Alive").equals("false"));
      assertThat(query(c, "SHOW COMPUTE NODES")).isEqualTo(first);
      assertThat(query(other, "SHOW COMPUTE NODES")).isEqualTo(first);
      assertThat(query(c, "SELECT 1")).hasSize(1);
      fe.heartbeatNow();
      assertThat(query(c, "SHOW COMPUTE NODES"))
          .hasSize(40)
          .allMatch(r -> r.get("Alive").equals("true"));
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE 'cn-00.svc:9050'");
      assertThat(query(other, "SHOW PROC '/compute_nodes'"))
          .hasSize(39)
          .extracting(r -> r.get("IP"))
          .startsWith("cn-01.svc");
    }
  }
}
