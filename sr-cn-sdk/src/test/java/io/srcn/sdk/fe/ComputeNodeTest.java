package io.srcn.sdk.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.ComputeNode.StatusCode;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComputeNodeTest {
  /** Builds a row from alternating labels and values, in that column order; null is SQL NULL. */
  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void parsesThe24ColumnSet() {
    ComputeNode n =
        ComputeNode.of(
            row(
                "ComputeNodeId",
                "10001",
                "Cluster",
                "default_cluster",
                "IP",
                "10.0.0.1",
                "HeartbeatPort",
                "9050",
                "BePort",
                "9060",
                "HttpPort",
                "8040",
                "BrpcPort",
                "8060",
                "LastStartTime",
                "2024-01-02 03:04:05",
                "LastHeartbeat",
                "2024-01-02 03:05:00",
                "Alive",
                "true",
                "SystemDecommissioned",
                "false",
                "ClusterDecommissioned",
                "false",
                "ErrMsg",
                "",
                "Version",
                "2.4.1-abc"));

    assertThat(n.id()).isEqualTo(10001);
    assertThat(n.address()).isEqualTo(HostPort.of("10.0.0.1", 9050));
    assertThat(n.bePort()).hasValue(9060);
    assertThat(n.brpcPort()).hasValue(8060);
    assertThat(n.lastStartTime()).contains(LocalDateTime.of(2024, 1, 2, 3, 4, 5));
    assertThat(n.alive()).isTrue();
    assertThat(n.version()).isEqualTo("2.4.1-abc");
    assertThat(n.cpuCores()).isEmpty();
    assertThat(n.memUsedPct()).isEmpty();
    assertThat(n.statusCode()).isEqualTo(StatusCode.UNKNOWN);
    assertThat(n.statusCodeRaw()).isEmpty();
    assertThat(n.warehouse()).isEmpty();
    assertThat(n.raw()).containsEntry("Cluster", "default_cluster");
  }

  @Test
  void parsesThe30ColumnSetOfANodeNeverHeardFrom() {
    ComputeNode n =
        ComputeNode.of(
            row(
                "ComputeNodeId",
                "10002",
                "IP",
                "g-cn-0.g-cn-search.ns.svc.cluster.local",
                "HeartbeatPort",
                "9050",
                "BePort",
                "-1",
                "HttpPort",
                "-1",
                "BrpcPort",
                "-1",
                "LastStartTime",
                null,
                "LastHeartbeat",
                null,
                "Alive",
                "false",
                "SystemDecommissioned",
                "false",
                "ClusterDecommissioned",
                "false",
                "ErrMsg",
                "",
                "Version",
                "",
                "CpuCores",
                "0",
                "NumRunningQueries",
                "0",
                "MemUsedPct",
                "0.00 %",
                "CpuUsedPct",
                "0.0 %",
                "HasStoragePath",
                "false"));

    assertThat(n.host()).isEqualTo("g-cn-0.g-cn-search.ns.svc.cluster.local");
    assertThat(n.bePort()).isEmpty();
    assertThat(n.httpPort()).isEmpty();
    assertThat(n.lastHeartbeat()).isEmpty();
    assertThat(n.lastStartTime()).isEmpty();
    assertThat(n.alive()).isFalse();
    assertThat(n.cpuCores()).hasValue(0);
    assertThat(n.memUsedPct()).hasValue(0.0);
    assertThat(n.raw()).doesNotContainKey("LastStartTime").containsKey("HasStoragePath");
  }

  @Test
  void parsesThe33SharedDataColumnSet() {
    ComputeNode n =
        ComputeNode.of(
            row(
                "ComputeNodeId",
                "10003",
                "IP",
                "10.0.0.3",
                "HeartbeatPort",
                "9050",
                "BePort",
                "9060",
                "HttpPort",
                "8040",
                "BrpcPort",
                "8060",
                "LastStartTime",
                "2025-08-21 10:44:39",
                "LastHeartbeat",
                "2025-08-21 10:45:39",
                "Alive",
                "false",
                "SystemDecommissioned",
                "false",
                "ClusterDecommissioned",
                "false",
                "ErrMsg",
                "java.net.UnknownHostException: g-cn-3",
                "Version",
                "3.3.5-abc1234",
                "CpuCores",
                "8",
                "MemLimit",
                "12.000GB",
                "NumRunningQueries",
                "3",
                "MemUsedPct",
                "12.34 %",
                "CpuUsedPct",
                "56.7 %",
                "DataCacheMetrics",
                "N/A",
                "HasStoragePath",
                "true",
                "StatusCode",
                "DISCONNECTED",
                "StarletPort",
                "9070",
                "WorkerId",
                "2",
                "WarehouseName",
                "default_warehouse",
                "TabletNum",
                "12"));

    assertThat(n.errMsg()).isEqualTo("java.net.UnknownHostException: g-cn-3");
    assertThat(n.numRunningQueries()).hasValue(3);
    assertThat(n.memUsedPct()).hasValue(12.34);
    assertThat(n.cpuUsedPct()).hasValue(56.7);
    assertThat(n.statusCode()).isEqualTo(StatusCode.DISCONNECTED);
    assertThat(n.warehouse()).contains("default_warehouse");
    assertThat(n.cnGroup()).isEmpty();
    assertThat(n.raw()).containsEntry("TabletNum", "12").containsEntry("MemLimit", "12.000GB");
    assertThat(n.toString())
        .isEqualTo(
            "ComputeNode{id=10003, host=10.0.0.3, heartbeatPort=9050, alive=false,"
                + " statusCode=DISCONNECTED, warehouse=default_warehouse,"
                + " errMsg=java.net.UnknownHostException: g-cn-3}");
  }

  @Test
  void parsesTheNewestColumnSetInAnyOrderWithUnknownColumns() {
    Map<String, String> r = new HashMap<>();
    r.put("ComputeNodeId", "7");
    r.put("IP", "fd00::7");
    r.put("HeartbeatPort", "9050");
    r.put("StatusCode", "OK");
    r.put("CNGroupName", "cg1");
    r.put("WarehouseName", "wh1");
    r.put("SomethingNew", "42");
    r.put("Alive", "TRUE");

    ComputeNode n = ComputeNode.of(r);

    assertThat(n.address()).isEqualTo(HostPort.parse("[fd00::7]:9050"));
    assertThat(n.statusCode()).isEqualTo(StatusCode.OK);
    assertThat(n.cnGroup()).contains("cg1");
    assertThat(n.alive()).isTrue();
    assertThat(n.raw()).containsEntry("SomethingNew", "42");
  }

  @Test
  void toleratesUnknownStatusCodesAndOddValues() {
    ComputeNode n =
        ComputeNode.of(
            row(
                "ComputeNodeId",
                "8",
                "IP",
                "h",
                "HeartbeatPort",
                "9050",
                "StatusCode",
                "DECOMMISSIONING",
                "MemUsedPct",
                "12,5 %",
                "CpuUsedPct",
                "n/a",
                "CpuCores",
                "x",
                "LastHeartbeat",
                "yesterday",
                "LastStartTime",
                "2025-01-01 00:00:00.123"));

    assertThat(n.statusCode()).isEqualTo(StatusCode.UNKNOWN);
    assertThat(n.statusCodeRaw()).contains("DECOMMISSIONING");
    assertThat(n.memUsedPct()).hasValue(12.5);
    assertThat(n.cpuUsedPct()).isEmpty();
    assertThat(n.cpuCores()).isEmpty();
    assertThat(n.lastHeartbeat()).isEmpty();
    assertThat(n.lastStartTime()).contains(LocalDateTime.of(2025, 1, 1, 0, 0, 0, 123_000_000));
  }

  @Test
  void labelsAreMatchedIgnoringCaseWhenNotExact() {
    ComputeNode n = ComputeNode.of(row("computenodeid", "9", "ip", "h", "heartbeatport", "9050"));

    assertThat(n.address()).isEqualTo(HostPort.of("h", 9050));
  }

  @Test
  void requiredColumnsAreNamedWhenMissing() {
    assertThatThrownBy(() -> ComputeNode.of(row("ComputeNodeId", "1", "HeartbeatPort", "9050")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'IP'");
    assertThatThrownBy(() -> ComputeNode.of(row("ComputeNodeId", "x", "IP", "h")))
        .hasMessageContaining("'ComputeNodeId' is not a number");
    assertThatThrownBy(
            () -> ComputeNode.of(row("ComputeNodeId", "1", "IP", "h", "HeartbeatPort", "0")))
        .hasMessageContaining("HeartbeatPort");
  }

  @Test
  void equalRowsAreEqualNodes() {
    Map<String, String> r = row("ComputeNodeId", "1", "IP", "h", "HeartbeatPort", "9050");
    assertThat(ComputeNode.of(r)).isEqualTo(ComputeNode.of(new LinkedHashMap<>(r)));
    assertThat(List.of(ComputeNode.of(r))).hasSize(1);
  }
}
