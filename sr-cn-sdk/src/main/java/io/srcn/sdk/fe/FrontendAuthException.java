package io.srcn.sdk.fe;

/**
 * The FE refused the login or the privilege (MySQL errors 1045, 1227, 5203, or any error whose text
 * says {@code Access denied}), or the client has no usable password to log in with (error code 0:
 * literal credentials whose password was not kept, or a resolver that returned no literal
 * credentials). Never retried: retrying cannot help, and repeated failed logins can lock accounts.
 * The fix is a user with the {@code NODE} and {@code OPERATE} system privileges, or the right
 * password.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class FrontendAuthException extends FrontendException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception for a refused login or missing privilege. */
  public FrontendAuthException(
      String purpose,
      int errorCode,
      String sqlState,
      HostPort address,
      String message,
      Throwable cause) {
    super(purpose, errorCode, sqlState, address, message, cause);
  }
}
