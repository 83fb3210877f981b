package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Connector/J helpers for the FakeFrontend tests. */
final class Jdbc {
  private Jdbc() {}

  /** A connection as root (empty password) with the driver's defaults. */
  static Connection connect(FakeFrontend fe) throws SQLException {
    return connect(fe, "root", "");
  }

  /** A connection as {@code user} with extra driver properties ({@code key, value, ...}). */
  static Connection connect(FakeFrontend fe, String user, String password, String... props)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("connectTimeout", "5000");
    p.setProperty("socketTimeout", "30000");
    for (int i = 0; i + 1 < props.length; i += 2) {
      p.setProperty(props[i], props[i + 1]);
    }
    return DriverManager.getConnection(fe.jdbcUrl(), p);
  }

  /** Runs a statement through {@link Statement#execute}, as most tools do. */
  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** The rows of a query as label-to-value maps. */
  static List<Map<String, String>> query(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, String>> rows = new ArrayList<>();
      while (rs.next()) {
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getString(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** The column labels of a query's result. */
  static List<String> columns(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        labels.add(md.getColumnLabel(i));
      }
      return labels;
    }
  }

  /** The error a statement raises, as the driver reports it. */
  static SQLException error(Connection c, String sql) {
    SQLException e = catchThrowableOfType(SQLException.class, () -> execute(c, sql));
    assertThat((Throwable) e).as("expected '%s' to fail", sql).isNotNull();
    return e;
  }

  /** Asserts code, SQLSTATE (as the driver maps it) and exact message. */
  static void assertError(SQLException e, int code, String sqlState, String message) {
    assertThat(e.getMessage()).isEqualTo(message);
    assertThat(e.getErrorCode()).as("error code").isEqualTo(code);
    assertThat(e.getSQLState()).as("SQLSTATE").isEqualTo(sqlState);
  }
}
