package io.srcn.testkit.fe.internal.sql;

/**
 * Valid SQL that the fake FE does not model (e.g. {@code SELECT * FROM t}, {@code INSERT}, {@code
 * PREPARE ... FROM}). Reported with its own error code so a test can tell it from a real syntax
 * error; see {@link #CODE}.
 */
public final class UnmodelledStatementException extends SqlSyntaxException {
  private static final long serialVersionUID = 1L;

  /** MySQL's ER_NOT_SUPPORTED_YET, which no StarRocks statement of the modelled subset returns. */
  public static final int CODE = 1235;

  /** The SQLSTATE MySQL gives ER_NOT_SUPPORTED_YET. */
  public static final String SQL_STATE = "42000";

  /** The message prefix a test can match. */
  public static final String PREFIX = "FakeFrontend does not model this statement";

  private UnmodelledStatementException(String what) {
    super(
        PREFIX
            + " ("
            + what
            + "); it is valid SQL outside the fake's subset, not a syntax error. See the"
            + " testkit section of README.md for what the fake answers.");
  }

  /** Names the statement by its leading keywords only (never literals, which may hold secrets). */
  static UnmodelledStatementException of(String keywords) {
    return new UnmodelledStatementException(keywords);
  }
}
