package io.srcn.testkit.fe.internal.state;

/**
 * An error the FE reports to the client as an ERR packet: code, SQLSTATE and message. Most FE
 * errors are 1064 / {@code HY000} (the FE's default), whatever their cause.
 */
public final class FeError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String sqlState;

  /** Creates an error with an explicit code and SQLSTATE. */
  public FeError(int code, String sqlState, String message) {
    super(message, null, false, false);
    this.code = code;
    this.sqlState = sqlState;
  }

  /** The FE's default: code 1064, SQLSTATE {@code HY000}. */
  public static FeError of(String message) {
    return new FeError(1064, "HY000", message);
  }

  /** The MySQL error code. */
  public int code() {
    return code;
  }

  /** The five-character SQLSTATE. */
  public String sqlState() {
    return sqlState;
  }
}
