package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.HostPort;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny FE for unit tests: interprets the SDK's own ADD/DROP/SHOW statements with the FE's
 * semantics (ADD checks all first; DROP sequential, or pre-checked like 2.x/3.0). Not thread-safe.
 */
final class InMemoryFe {
  private static final Pattern LITERAL = Pattern.compile("'([^']*)'");
  private static final Pattern WAREHOUSE = Pattern.compile("WAREHOUSE `([^`]*)`");

  final Map<HostPort, String> nodes = new LinkedHashMap<>();
  final List<String> statements = new ArrayList<>();
  boolean dropPrechecks;
  boolean oldMessages;
  boolean unexpectedPrefix;
  boolean sharedData;
  boolean dropDefaultsToDefaultWarehouse;
  int nextId = 10001;

  FeSession session() {
    return new FeSession() {
      @Override
      public void execute(String sql) throws SQLException {
        run(sql);
      }

      @Override
      public List<Map<String, String>> query(String sql) throws SQLException {
        statements.add(sql);
        if (!sql.equals(FeSql.SHOW_COMPUTE_NODES)) {
          throw error("unexpected query " + sql);
        }
        return rows();
      }

      @Override
      public boolean isValid() {
        return true;
      }

      @Override
      public void close() {}
    };
  }

  /** FeOps straight on a session, without failover. */
  FeOps ops() {
    FeSession s = session();
    return new FeOps() {
      @Override
      public Optional<String> alter(String purpose, String sql, FeErrors.Kind outcome) {
        try {
          s.execute(sql);
          return Optional.empty();
        } catch (SQLException e) {
          if (FeErrors.classify(e) == outcome) {
            return Optional.of(FeErrors.message(e));
          }
          throw new IllegalStateException(e);
        }
      }

      @Override
      public List<ComputeNode> computeNodes(String purpose) {
        try {
          return s.query(FeSql.SHOW_COMPUTE_NODES).stream().map(ComputeNode::of).toList();
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  long count(String prefix) {
    return statements.stream().filter(s -> s.startsWith(prefix)).count();
  }

  private void run(String sql) throws SQLException {
    statements.add(sql);
    List<HostPort> targets = new ArrayList<>();
    Matcher m = LITERAL.matcher(sql);
    while (m.find()) {
      targets.add(HostPort.parse(m.group(1)));
    }
    Matcher w = WAREHOUSE.matcher(sql);
    String warehouse = w.find() ? w.group(1) : "default_warehouse";
    if (sql.startsWith("ALTER SYSTEM ADD COMPUTE NODE ")) {
      add(targets, warehouse);
    } else if (sql.startsWith("ALTER SYSTEM DROP COMPUTE NODE ")) {
      boolean named = sql.contains(" FROM WAREHOUSE ");
      drop(targets, named || dropDefaultsToDefaultWarehouse ? warehouse : null);
    } else {
      throw error("unexpected statement " + sql);
    }
  }

  private void add(List<HostPort> targets, String warehouse) throws SQLException {
    for (HostPort t : targets) {
      if (nodes.containsKey(t)) {
        throw error(
            oldMessages
                ? "Same compute node already exists[" + t + "]"
                : "Compute node already exists with same host "
                    + t.host()
                    + " and port "
                    + t.port());
      }
    }
    targets.forEach(t -> nodes.put(t, warehouse));
  }

  private void drop(List<HostPort> targets, String warehouse) throws SQLException {
    if (dropPrechecks) {
      for (HostPort t : targets) {
        checkDroppable(t, warehouse);
      }
    }
    for (HostPort t : targets) {
      checkDroppable(t, warehouse);
      nodes.remove(t);
    }
  }

  private void checkDroppable(HostPort t, String warehouse) throws SQLException {
    if (!nodes.containsKey(t)) {
      throw error("compute node does not exists[" + t + "]");
    }
    if (warehouse != null && !nodes.get(t).equals(warehouse)) {
      throw error("compute node [" + t + "] does not exist in warehouse " + warehouse);
    }
  }

  private List<Map<String, String>> rows() {
    List<Map<String, String>> rows = new ArrayList<>();
    nodes.forEach(
        (hp, wh) -> {
          Map<String, String> row = new LinkedHashMap<>();
          row.put("ComputeNodeId", String.valueOf(nextId + rows.size()));
          row.put("IP", hp.host());
          row.put("HeartbeatPort", String.valueOf(hp.port()));
          row.put("Alive", "false");
          if (sharedData) {
            row.put("WarehouseName", wh);
          }
          rows.add(row);
        });
    return rows;
  }

  private SQLException error(String message) {
    return new SQLSyntaxErrorException(
        unexpectedPrefix ? "Unexpected exception: " + message : message, "42000", 1064);
  }
}
