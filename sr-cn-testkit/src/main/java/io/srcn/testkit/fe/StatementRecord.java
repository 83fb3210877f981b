package io.srcn.testkit.fe;

import java.time.Instant;

/**
 * One statement a client sent to {@link FakeFrontend} ({@code COM_QUERY}), with how it ended.
 *
 * <p>Immutable and thread-safe.
 *
 * @param connectionId the MySQL connection id of the session that sent it
 * @param user the session's user
 * @param sql the statement text as received
 * @param outcome how it ended
 * @param errorCode the MySQL error code when {@code outcome} is {@link Outcome#ERROR}, else 0
 * @param sqlState the SQLSTATE sent when {@code outcome} is ERROR, else empty
 * @param message the error message when {@code outcome} is ERROR, else empty
 * @param rows the number of rows returned when {@code outcome} is {@link Outcome#ROWS}, else 0
 * @param time when the statement was received
 */
public record StatementRecord(
    long connectionId,
    String user,
    String sql,
    Outcome outcome,
    int errorCode,
    String sqlState,
    String message,
    int rows,
    Instant time) {

  /** How a statement ended. */
  public enum Outcome {
    /** An OK packet (DDL, SET, ...). */
    OK,
    /** An ERR packet. */
    ERROR,
    /** A result set. */
    ROWS
  }

  /** An OK outcome. */
  public static StatementRecord ok(long connectionId, String user, String sql, Instant time) {
    return new StatementRecord(connectionId, user, sql, Outcome.OK, 0, "", "", 0, time);
  }

  /** An ERROR outcome. */
  public static StatementRecord error(
      long connectionId,
      String user,
      String sql,
      int code,
      String sqlState,
      String message,
      Instant time) {
    return new StatementRecord(
        connectionId, user, sql, Outcome.ERROR, code, sqlState, message, 0, time);
  }

  /** A ROWS outcome. */
  public static StatementRecord rows(
      long connectionId, String user, String sql, int rows, Instant time) {
    return new StatementRecord(connectionId, user, sql, Outcome.ROWS, 0, "", "", rows, time);
  }

  /** True when the statement failed. */
  public boolean isError() {
    return outcome == Outcome.ERROR;
  }
}
