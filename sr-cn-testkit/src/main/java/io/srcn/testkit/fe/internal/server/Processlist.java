package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.sql.Redactor;
import io.srcn.testkit.fe.internal.state.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * {@code SHOW [FULL] PROCESSLIST} and {@code SHOW WARNINGS}. Columns as StarRocks 3.x declares them
 * in {@code fe/fe-core/src/main/java/com/starrocks/sql/ast/ShowProcesslistStmt.java} (Id, User,
 * Host, Db, Command, ConnectionStartTime, Time, State, Info, IsPending) and {@code
 * ShowWarningStmt.java} (Level, Code, Message).
 *
 * <p>Thread-safe (stateless).
 */
final class Processlist {
  private static final List<String> COLUMNS =
      List.of(
          "Id",
          "User",
          "Host",
          "Db",
          "Command",
          "ConnectionStartTime",
          "Time",
          "State",
          "Info",
          "IsPending");
  private static final int SHORT_INFO = 100; // without FULL, as MySQL truncates Info

  /** The empty SHOW WARNINGS / SHOW ERRORS result. */
  static final ResultTable WARNINGS =
      new ResultTable(List.of("Level", "Code", "Message"), List.of());

  private Processlist() {}

  static ResultTable table(FeContext fe, boolean full) {
    DateTimeFormatter format =
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(fe.clock().getZone());
    Instant now = fe.clock().instant();
    List<Session> sessions = new ArrayList<>(fe.sessions());
    sessions.sort(Comparator.comparingLong(s -> s.connectionId));
    List<List<String>> rows = new ArrayList<>(sessions.size());
    for (Session s : sessions) {
      String sql = s.runningSql == null ? null : Redactor.redact(s.runningSql);
      if (sql != null && !full && sql.length() > SHORT_INFO) {
        sql = sql.substring(0, SHORT_INFO);
      }
      long seconds = Math.max(0, Duration.between(s.stateSince, now).toSeconds());
      List<String> row = new ArrayList<>(COLUMNS.size());
      row.add(Long.toString(s.connectionId));
      row.add(s.user.name());
      row.add(s.remoteHost + ":" + s.remotePort);
      row.add(s.database == null ? "" : s.database);
      row.add(sql == null ? "Sleep" : "Query");
      row.add(format.format(s.connectedAt));
      row.add(Long.toString(seconds));
      row.add(sql == null ? "" : "OK");
      row.add(sql == null ? "" : sql);
      row.add("false");
      rows.add(row);
    }
    return new ResultTable(COLUMNS, rows);
  }
}
