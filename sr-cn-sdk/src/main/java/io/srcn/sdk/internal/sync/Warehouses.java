package io.srcn.sdk.internal.sync;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which warehouse clause an FE version accepts. Upstream facts (docs/ARCHITECTURE.md, "Warehouses
 * by FE version"): OSS 3.3 has no {@code INTO|FROM WAREHOUSE} in its grammar ({@code StarRocks.g4},
 * removed from branch-3.3 by the backport of #44763), so the clause is a syntax error there; 3.4
 * and later parse it, and an OSS FE knows only {@code default_warehouse} ({@code WarehouseManager}
 * answers {@code CREATE WAREHOUSE} with "Multi-Warehouse is not implemented"). Leaving the clause
 * out means the default warehouse on every version, so the SDK never sends it for {@code
 * default_warehouse}.
 *
 * <p>Stateless and thread-safe.
 */
final class Warehouses {
  static final String DEFAULT = "default_warehouse";
  private static final Pattern VERSION = Pattern.compile("^(\\d+)\\.(\\d+)");

  private Warehouses() {}

  /** The warehouse to name in the statement: none for no warehouse or the default one. */
  static Optional<String> clause(Optional<String> warehouse) {
    return warehouse.filter(w -> !w.equalsIgnoreCase(DEFAULT));
  }

  /**
   * Why an FE of {@code feVersion} cannot take nodes into {@code warehouse}, or empty when it may
   * (3.4 and later, or a version that cannot be read: the FE then answers for itself).
   */
  static Optional<String> unsupported(String warehouse, String feVersion) {
    Matcher m = VERSION.matcher(feVersion == null ? "" : feVersion.trim());
    if (!m.find()) {
      return Optional.empty();
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    if (major > 3 || (major == 3 && minor >= 4)) {
      return Optional.empty();
    }
    return Optional.of(
        "warehouse "
            + warehouse
            + " cannot be used with FE "
            + feVersion
            + ": StarRocks "
            + major
            + "."
            + minor
            + " has no INTO WAREHOUSE clause (its grammar, StarRocks.g4); remove the warehouse"
            + " (nodes join default_warehouse) or use an FE 3.4+ that has this warehouse");
  }
}
