package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.HostPort;
import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies FE errors by error code <em>and</em> message text. The text matters because the FE
 * answers most failures with code 1064 and SQLSTATE {@code HY000}, which Connector/J reports as
 * {@code 42000}; some FE versions prefix messages with {@code Unexpected exception: }, and the
 * wording changed between versions ({@code Same compute node already exists[h:p]} vs. {@code
 * Compute node already exists with same host h and port p}; {@code compute node does not
 * exists[h:p]}, sic).
 *
 * <p>Stateless and thread-safe.
 */
public final class FeErrors {
  /** What an error means to the client. */
  public enum Kind {
    /** ADD: one of the nodes is already a compute node. An outcome, not an error. */
    ALREADY_EXISTS,
    /** DROP: one of the nodes is not a compute node (of that warehouse). An outcome. */
    DOES_NOT_EXIST,
    /** Login refused or privilege missing. Never retried. */
    ACCESS_DENIED,
    /** The FE could not be reached or the connection broke. Try the next address. */
    CONNECTION,
    /** Any other statement error. Reported with the statement's purpose. */
    STATEMENT
  }

  private static final Set<Integer> ACCESS_DENIED_CODES = Set.of(1044, 1045, 1227, 5203);
  private static final String UNEXPECTED_PREFIX = "Unexpected exception: ";

  private FeErrors() {}

  /** Classifies a driver exception. */
  public static Kind classify(SQLException e) {
    String text = lower(e.getMessage());
    if (ACCESS_DENIED_CODES.contains(e.getErrorCode()) || text.contains("access denied")) {
      return Kind.ACCESS_DENIED;
    }
    if (isConnectionFailure(e)) {
      return Kind.CONNECTION;
    }
    if (text.contains("compute node already exists")) {
      return Kind.ALREADY_EXISTS;
    }
    if (text.contains("compute node") && text.contains("does not exist")) {
      return Kind.DOES_NOT_EXIST;
    }
    return Kind.STATEMENT;
  }

  /** True for {@code compute node [h:p] does not exist in warehouse w}. */
  public static boolean isWarehouseMismatch(String message) {
    return lower(message).contains("does not exist in warehouse");
  }

  /**
   * The FE's message without the {@code Unexpected exception: } wrapper some versions add, and with
   * control characters made visible.
   */
  public static String message(SQLException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().trim();
    if (m.startsWith(UNEXPECTED_PREFIX)) {
      m = m.substring(UNEXPECTED_PREFIX.length());
    }
    StringBuilder sb = new StringBuilder(m.length());
    for (int i = 0; i < m.length(); i++) {
      char c = m.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }

  /**
   * The index of the first node of {@code nodes} that {@code message} names (as {@code h:p} or
   * {@code [h:p]}, {@code [v6]:p} for IPv6), or -1. Used to tell which node a {@code does not
   * exist} error stopped at.
   */
  public static int firstMentioned(String message, List<HostPort> nodes) {
    for (int i = 0; i < nodes.size(); i++) {
      if (mentions(message, nodes.get(i))) {
        return i;
      }
    }
    return -1;
  }

  /** True when {@code message} names {@code node} as a whole address, not as part of another. */
  public static boolean mentions(String message, HostPort node) {
    String needle = node.toString();
    int from = 0;
    while (true) {
      int at = message.indexOf(needle, from);
      if (at < 0) {
        return false;
      }
      int end = at + needle.length();
      boolean startOk = at == 0 || !isAddressChar(message.charAt(at - 1));
      boolean endOk = end == message.length() || !isAddressChar(message.charAt(end));
      if (startOk && endOk) {
        return true;
      }
      from = at + 1;
    }
  }

  private static boolean isAddressChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == ':';
  }

  private static boolean isConnectionFailure(SQLException e) {
    if (e instanceof SQLNonTransientConnectionException
        || e instanceof SQLTransientConnectionException
        || e instanceof SQLRecoverableException) {
      return true;
    }
    String state = e.getSQLState();
    if (state != null && state.startsWith("08")) {
      return true;
    }
    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
      if (t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  private static String lower(String s) {
    return s == null ? "" : s.toLowerCase(Locale.ROOT);
  }
}
