package io.srcn.sdk.internal.fe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link FeSession} over one Connector/J connection. Statements are plain {@link Statement}s:
 * every SQL text comes from {@link FeSql}, built from validated values, so nothing needs binding.
 *
 * <p>Not thread-safe.
 */
final class JdbcSession implements FeSession {
  private final Connection connection;
  private final int pingTimeoutSeconds;

  JdbcSession(Connection connection, int pingTimeoutSeconds) {
    this.connection = connection;
    this.pingTimeoutSeconds = pingTimeoutSeconds;
  }

  @Override
  public void execute(String sql) throws SQLException {
    try (Statement st = connection.createStatement()) {
      st.executeUpdate(sql);
    }
  }

  @Override
  public List<Map<String, String>> query(String sql) throws SQLException {
    try (Statement st = connection.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      int n = md.getColumnCount();
      String[] labels = new String[n];
      for (int i = 0; i < n; i++) {
        labels[i] = md.getColumnLabel(i + 1);
      }
      List<Map<String, String>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
          String v = rs.getString(i + 1);
          if (v != null) {
            row.putIfAbsent(labels[i], v);
          }
        }
        rows.add(row);
      }
      return rows;
    }
  }

  @Override
  public boolean isValid() {
    try {
      return connection.isValid(pingTimeoutSeconds);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing a broken connection fails; there is nothing left to release.
    }
  }
}
