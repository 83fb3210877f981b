package io.srcn.testkit.fe.internal.state;

import io.srcn.testkit.fe.FeVersion;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The FE's SHOW result sets built from a {@link ClusterState}: column labels per version profile
 * and values in the FE's string formats.
 *
 * <p>Thread-safe (immutable).
 */
public final class Tables {
  private static final List<String> CN_V2_4 =
      List.of(
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
  private static final List<String> CN_V3_0 =
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
          "NumRunningQueries",
          "MemUsedPct",
          "CpuUsedPct",
          "HasStoragePath");
  private static final List<String> CN_V3_3 =
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
  private static final List<String> SHARED_DATA_V3_3 =
      List.of("StarletPort", "WorkerId", "WarehouseName", "TabletNum");

  private final Profile profile;
  private final DateTimeFormatter timeFormat;
  private volatile Cached cached = new Cached(List.of(), null);

  private record Cached(List<NodeSnapshot> source, ResultTable table) {}

  /** Tables for {@code profile}, formatting times in {@code zone}. */
  public Tables(Profile profile, ZoneId zone) {
    this.profile = profile;
    this.timeFormat =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(zone);
  }

  /**
   * {@code SHOW COMPUTE NODES} / {@code SHOW PROC '/compute_nodes'}. The table built for the last
   * snapshot instance is reused while the state does not change.
   */
  public ResultTable computeNodes(List<NodeSnapshot> nodes) {
    Cached c = cached;
    if (c.source() == nodes && c.table() != null) {
      return c.table();
    }
    ResultTable table = buildComputeNodes(nodes);
    cached = new Cached(nodes, table);
    return table;
  }

  private ResultTable buildComputeNodes(List<NodeSnapshot> nodes) {
    List<List<String>> rows = new ArrayList<>(nodes.size());
    for (NodeSnapshot n : nodes) {
      rows.add(java.util.Collections.unmodifiableList(computeNodeRow(n)));
    }
    // the FE sorts by the 0-based columns 1 and 3, compared as strings; ties keep id order
    rows.sort(Comparator.comparing((List<String> r) -> r.get(1)).thenComparing(r -> r.get(3)));
    return new ResultTable(computeNodeColumns(), List.copyOf(rows));
  }

  /** The column labels of {@code SHOW COMPUTE NODES} for this profile. */
  public List<String> computeNodeColumns() {
    List<String> cols = new ArrayList<>();
    switch (profile.version()) {
      case V2_4:
        return CN_V2_4;
      case V3_0:
        cols.addAll(CN_V3_0);
        if (profile.sharedData()) {
          cols.add("StarletPort");
          cols.add("WorkerId");
        }
        return List.copyOf(cols);
      default:
        cols.addAll(CN_V3_3);
        if (profile.version() == FeVersion.LATEST) {
          cols.add("CNGroupName");
        }
        if (profile.sharedData()) {
          cols.addAll(SHARED_DATA_V3_3);
        }
        return List.copyOf(cols);
    }
  }

  private List<String> computeNodeRow(NodeSnapshot n) {
    List<String> row = new ArrayList<>(26);
    row.add(Long.toString(n.id()));
    if (profile.version() == FeVersion.V2_4) {
      row.add("default_cluster");
    }
    row.add(n.address().host());
    row.add(Integer.toString(n.address().port()));
    row.add(Integer.toString(n.bePort()));
    row.add(Integer.toString(n.httpPort()));
    row.add(Integer.toString(n.brpcPort()));
    row.add(time(n.lastStartTime()));
    row.add(time(n.lastHeartbeat()));
    row.add(Boolean.toString(n.alive()));
    row.add("false");
    row.add("false");
    row.add(n.errMsg());
    row.add(n.version());
    if (profile.version() == FeVersion.V2_4) {
      return row;
    }
    row.add(Integer.toString(n.cpuCores()));
    if (profile.version() == FeVersion.V3_0) {
      addV30Tail(row, n);
      return row;
    }
    row.add(prettyBytes(n.memLimitBytes()));
    row.add("0");
    row.add("0.00 %");
    row.add("0.0 %");
    row.add(
        n.lastHeartbeat() == null ? "N/A" : "Status: Normal, DiskUsage: 0B/0B, MemUsage: 0B/0B");
    row.add("false");
    row.add(n.status().name());
    if (profile.version() == FeVersion.LATEST) {
      row.add(n.cnGroup());
    }
    if (profile.sharedData()) {
      row.add(Integer.toString(n.starletPort()));
      row.add(Long.toString(workerId(n)));
      row.add(n.warehouse());
      row.add("0");
    }
    return row;
  }

  // 3.0 appended the shared-data values before HasStoragePath (titles after it): reproduced.
  private void addV30Tail(List<String> row, NodeSnapshot n) {
    row.add("0");
    row.add("0.00 %");
    row.add("0.0 %");
    if (profile.sharedData()) {
      row.add(Integer.toString(n.starletPort()));
      row.add(Long.toString(workerId(n)));
    }
    row.add("false");
  }

  private static long workerId(NodeSnapshot n) {
    return n.lastHeartbeat() == null ? -1 : n.id() + 1000;
  }

  private String time(Instant t) {
    return t == null ? null : timeFormat.format(t);
  }

  /** The FE's {@code DebugUtil.getPrettyStringBytes}: three decimals and a unit. */
  static String prettyBytes(long bytes) {
    String[] units = {"", "KB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return String.format(Locale.ROOT, "%.3f %s", value, units[unit]);
  }
}
