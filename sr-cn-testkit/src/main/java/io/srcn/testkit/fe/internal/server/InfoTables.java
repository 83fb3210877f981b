package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.FeVersion;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.ResultTable;
import io.srcn.testkit.fe.internal.state.WarehouseRecord;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The FE's informational result sets besides compute nodes: frontends, backends (always empty),
 * databases, tables, warehouses, variables and the {@code SHOW PROC} paths.
 *
 * <p>Thread-safe (stateless apart from the shared context).
 */
final class InfoTables {
  private static final List<String> FRONTEND_COLUMNS =
      List.of(
          "Name",
          "IP",
          "EditLogPort",
          "HttpPort",
          "QueryPort",
          "RpcPort",
          "Role",
          "ClusterId",
          "Join",
          "Alive",
          "ReplayedJournalId",
          "LastHeartbeat",
          "IsHelper",
          "ErrMsg",
          "StartTime",
          "Version");
  private static final List<String> BACKEND_COLUMNS =
      List.of(
          "BackendId",
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
          "TabletNum",
          "DataUsedCapacity",
          "AvailCapacity",
          "TotalCapacity",
          "UsedPct",
          "MaxDiskUsedPct",
          "ErrMsg",
          "Version",
          "Status",
          "DataTotalCapacity",
          "DataUsedPct",
          "CpuCores",
          "MemLimit",
          "NumRunningQueries",
          "MemUsedPct",
          "CpuUsedPct",
          "DataCacheMetrics",
          "Location",
          "StatusCode");
  private static final List<String> WAREHOUSE_COLUMNS =
      List.of(
          "Id",
          "Name",
          "State",
          "NodeCount",
          "CurrentClusterCount",
          "MaxClusterCount",
          "StartedClusters",
          "RunningSql",
          "QueuedSql",
          "CreatedOn",
          "ResumedOn",
          "UpdatedOn",
          "Property",
          "Comment");
  private static final List<String> PROC_DIRS =
      List.of("backends", "compute_nodes", "frontends", "warehouses");

  private final FeContext fe;
  private final DateTimeFormatter timeFormat;

  InfoTables(FeContext fe) {
    this.fe = fe;
    this.timeFormat =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(fe.clock().getZone());
  }

  ResultTable proc(String path) throws FeError {
    String p =
        path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
    switch (p) {
      case "/":
        List<List<String>> rows = new ArrayList<>();
        PROC_DIRS.forEach(d -> rows.add(List.of(d)));
        return new ResultTable(List.of("name"), rows);
      case "/compute_nodes":
        return fe.tables().computeNodes(fe.cluster().snapshot());
      case "/frontends":
        return frontends();
      case "/backends":
        return backends();
      case "/warehouses":
        return warehouses();
      default:
        throw FeError.of(
            "Getting analyzing error. Detail message: Proc path '" + path + "' doesn't exist.");
    }
  }

  /**
   * The FE itself. Like StarRocks' {@code FrontendOptions.getLocalHostAddress}: an FE in FQDN mode
   * lists itself by its canonical host name, an FE in IP mode by its IP.
   */
  ResultTable frontends() {
    Instant now = fe.clock().instant();
    String host = fe.profile().mode() == FeMode.IP ? "127.0.0.1" : "localhost";
    List<String> row =
        List.of(
            host + "_9010_" + fe.createdAt().toEpochMilli(),
            host,
            "9010",
            "8030",
            Integer.toString(fe.queryPort()),
            "9020",
            "LEADER",
            "776853271",
            "true",
            "true",
            "1",
            time(now),
            "true",
            "",
            time(fe.createdAt()),
            fe.profile().version().buildVersion());
    return ResultTable.single(FRONTEND_COLUMNS, row);
  }

  ResultTable backends() {
    List<String> cols = new ArrayList<>(BACKEND_COLUMNS);
    if (fe.profile().sharedData()) {
      cols.addAll(List.of("StarletPort", "WorkerId", "WarehouseName"));
    }
    return new ResultTable(cols, List.of());
  }

  ResultTable databases() {
    List<List<String>> rows = new ArrayList<>();
    for (String db : databaseNames()) {
      rows.add(List.of(db));
    }
    return new ResultTable(List.of("Database"), rows);
  }

  ResultTable tables(String database) throws FeError {
    if (database == null) {
      throw new FeError(1046, "3D000", "No database selected");
    }
    return new ResultTable(List.of("Tables_in_" + database), List.of());
  }

  String checkDatabase(String database) throws FeError {
    if (!databaseNames().contains(database)) {
      throw new FeError(1049, "42000", "Unknown database '" + database + "'");
    }
    return database;
  }

  private List<String> databaseNames() {
    return fe.profile().version() == FeVersion.V2_4
        ? List.of("_statistics_", "information_schema")
        : List.of("_statistics_", "information_schema", "sys");
  }

  ResultTable warehouses() {
    List<List<String>> rows = new ArrayList<>();
    for (WarehouseRecord w : fe.cluster().warehouses()) {
      String created = time(w.createdAt());
      rows.add(
          List.of(
              Long.toString(w.id()),
              w.name(),
              "AVAILABLE",
              Integer.toString(fe.cluster().nodeCount(w.name())),
              "1",
              "1",
              "1",
              "0",
              "0",
              created,
              created,
              created,
              "{}",
              ""));
    }
    return new ResultTable(WAREHOUSE_COLUMNS, rows);
  }

  ResultTable variables(String like) {
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, String> v : fe.variables().all().entrySet()) {
      if (like == null || Like.matches(like, v.getKey())) {
        rows.add(List.of(v.getKey(), v.getValue()));
      }
    }
    return new ResultTable(List.of("Variable_name", "Value"), rows);
  }

  private String time(Instant t) {
    return timeFormat.format(t);
  }
}
