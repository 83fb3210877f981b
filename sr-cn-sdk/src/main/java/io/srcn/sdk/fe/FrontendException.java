package io.srcn.sdk.fe;

import io.srcn.sdk.CnSdkException;
import java.util.Optional;

/**
 * A statement sent to the FE failed. Carries the statement's purpose (e.g. {@code add compute
 * nodes}), the MySQL error code and SQLSTATE, and the FE address that answered. Never contains a
 * password.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class FrontendException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String purpose;
  private final int errorCode;
  private final String sqlState;
  private final HostPort address;

  /** Creates an exception for a failed statement. */
  public FrontendException(
      String purpose,
      int errorCode,
      String sqlState,
      HostPort address,
      String message,
      Throwable cause) {
    super(format(purpose, errorCode, sqlState, address, message), cause);
    this.purpose = purpose;
    this.errorCode = errorCode;
    this.sqlState = sqlState;
    this.address = address;
  }

  /** What the statement was for, e.g. {@code add compute nodes}. */
  public String purpose() {
    return purpose;
  }

  /** The MySQL error code (e.g. 1064), or 0 when the failure was not an FE error. */
  public int errorCode() {
    return errorCode;
  }

  /** The SQLSTATE as the driver reported it, when known. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }

  /** The FE that answered, when known. */
  public Optional<HostPort> address() {
    return Optional.ofNullable(address);
  }

  private static String format(
      String purpose, int errorCode, String sqlState, HostPort address, String message) {
    StringBuilder sb = new StringBuilder(purpose).append(" failed");
    if (address != null) {
      sb.append(" on FE ").append(address);
    }
    if (errorCode != 0 || sqlState != null) {
      sb.append(" (error ").append(errorCode);
      if (sqlState != null) {
        sb.append(", SQLSTATE ").append(sqlState);
      }
      sb.append(')');
    }
    if (message != null && !message.isEmpty()) {
      sb.append(": ").append(message);
    }
    return sb.toString();
  }
}
