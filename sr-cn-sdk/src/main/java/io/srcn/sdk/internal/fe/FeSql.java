package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.Violations;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every SQL statement the SDK sends to the FE, built here and nowhere else. Addresses come only
 * from validated {@link HostPort}s, written as single-quoted literals of {@link
 * HostPort#toString()}; warehouse names are validated identifiers, back-quoted. Each literal is
 * checked once more against a strict character set before it is used, so no input can add a quote,
 * comma, semicolon, comment or line break to a statement.
 *
 * <p>Stateless and thread-safe.
 */
public final class FeSql {
  /** The statement listing compute nodes. */
  public static final String SHOW_COMPUTE_NODES = "SHOW COMPUTE NODES";

  /** The statement listing FEs. */
  public static final String SHOW_FRONTENDS = "SHOW FRONTENDS";

  /** The statement reading the StarRocks version ({@code StarRocks version 3.3.5}). */
  public static final String SELECT_VERSION_COMMENT = "SELECT @@version_comment";

  private static final Pattern ADDRESS_LITERAL = Pattern.compile("[A-Za-z0-9.:\\[\\]-]+");
  private static final Pattern WAREHOUSE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private FeSql() {}

  /** {@code ALTER SYSTEM ADD COMPUTE NODE 'h:p', ... [INTO WAREHOUSE `w`]}. */
  public static String addComputeNodes(List<HostPort> nodes, Optional<String> warehouse) {
    return "ALTER SYSTEM ADD COMPUTE NODE "
        + literals(nodes)
        + warehouse.map(w -> " INTO WAREHOUSE " + quotedWarehouse(w)).orElse("");
  }

  /** {@code ALTER SYSTEM DROP COMPUTE NODE 'h:p', ... [FROM WAREHOUSE `w`]}. */
  public static String dropComputeNodes(List<HostPort> nodes, Optional<String> warehouse) {
    return "ALTER SYSTEM DROP COMPUTE NODE "
        + literals(nodes)
        + warehouse.map(w -> " FROM WAREHOUSE " + quotedWarehouse(w)).orElse("");
  }

  /**
   * Validates a warehouse name: a letter or underscore, then letters, digits or underscores, at
   * most 64 characters (StarRocks' {@code default_warehouse} style).
   *
   * @throws IllegalArgumentException naming the input when it is not such a name
   */
  public static String validateWarehouse(String warehouse) {
    if (warehouse == null || !WAREHOUSE.matcher(warehouse).matches()) {
      throw new IllegalArgumentException(
          "invalid warehouse name "
              + (warehouse == null ? "null" : Violations.quote(warehouse))
              + ": expected a letter or '_' followed by letters, digits or '_', at most 64");
    }
    return warehouse;
  }

  /** The single-quoted literal of one address, e.g. {@code '[::1]:9050'}. */
  public static String literal(HostPort node) {
    String text = node.toString();
    if (!ADDRESS_LITERAL.matcher(text).matches()) {
      // Unreachable while HostPort validates; kept so that a future change there cannot open SQL.
      throw new IllegalStateException("address does not fit in a SQL literal: " + node.host());
    }
    return "'" + text + "'";
  }

  private static String literals(List<HostPort> nodes) {
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("at least one compute node is required");
    }
    return nodes.stream().map(FeSql::literal).collect(Collectors.joining(", "));
  }

  private static String quotedWarehouse(String warehouse) {
    return "`" + validateWarehouse(warehouse) + "`";
  }
}
