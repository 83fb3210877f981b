package io.srcn.testkit.fe.internal.state;

import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.FeVersion;
import io.srcn.testkit.fe.internal.sql.Parser;

/**
 * Everything that differs between FE release lines and run modes: grammar, error texts and codes,
 * drop semantics. One place, so each difference is visible side by side.
 *
 * @param version the release line
 * @param mode FQDN or IP mode
 * @param sharedData whether the FE runs in shared-data mode (extra columns)
 * @param multiWarehouse whether warehouses can be created (vendors' shared-data FEs of 3.4 and
 *     later; the OSS FE cannot)
 */
public record Profile(FeVersion version, FeMode mode, boolean sharedData, boolean multiWarehouse) {
  /** The warehouse every FE has. */
  public static final String DEFAULT_WAREHOUSE = "default_warehouse";

  /** The CN group every warehouse has (newest FE). */
  public static final String DEFAULT_CN_GROUP = "default_cngroup";

  private boolean atLeast(FeVersion v) {
    return version.compareTo(v) >= 0;
  }

  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException when multi-warehouse is asked of an FE that cannot have it
   */
  public Profile {
    if (multiWarehouse && (!sharedData || !atLeast(version, FeVersion.V3_4))) {
      throw new IllegalArgumentException(
          "multiWarehouse needs sharedData(true) and version V3_4 or later (OSS 3.3 and older"
              + " have no INTO WAREHOUSE clause), was "
              + version
              + (sharedData ? "" : " shared-nothing"));
    }
  }

  private static boolean atLeast(FeVersion version, FeVersion v) {
    return version.compareTo(v) >= 0;
  }

  /**
   * The parser dialect: the {@code INTO|FROM WAREHOUSE} clause from 3.4 (branch-3.3's grammar lost
   * it with the backport of #44763), the {@code CNGROUP} clause in the newest FE.
   */
  public Parser.Dialect dialect() {
    return new Parser.Dialect(atLeast(FeVersion.V3_4), version == FeVersion.LATEST);
  }

  /** CREATE/DROP WAREHOUSE on an FE without multi-warehouse ({@code WarehouseManager}). */
  public FeError multiWarehouseNotImplemented() {
    return FeError.of("Multi-Warehouse is not implemented");
  }

  /** 2.x/3.0 checked every address of a DROP before dropping any; later FEs drop one by one. */
  public boolean dropChecksAllFirst() {
    return !atLeast(FeVersion.V3_3);
  }

  /**
   * Before 4.0 a DROP without {@code FROM WAREHOUSE} meant {@code default_warehouse}; the newest FE
   * does not check the warehouse then (StarRocks #62940, "Allow dropping cn/be without specifying a
   * warehouse name", backported to 4.0 only).
   */
  public boolean dropDefaultsToDefaultWarehouse() {
    return atLeast(FeVersion.V3_3) && version != FeVersion.LATEST;
  }

  /** ADD of an address that is already a compute node. */
  public FeError nodeExists(NodeAddress a) {
    if (atLeast(FeVersion.V3_3)) {
      return FeError.of(
          "Compute node already exists with same host " + a.host() + " and port " + a.port());
    }
    return FeError.of("Same compute node already exists[" + a + "]");
  }

  /** DROP of an address that is not a compute node (sic: "does not exists"). */
  public FeError nodeNotFound(NodeAddress a) {
    return FeError.of("compute node does not exists[" + a + "]");
  }

  /** DROP ... FROM WAREHOUSE w of a node that belongs to another warehouse. */
  public FeError nodeNotInWarehouse(NodeAddress a, String warehouse) {
    return FeError.of("compute node [" + a + "] does not exist in warehouse " + warehouse);
  }

  /**
   * A warehouse name that does not exist: {@code
   * ErrorReport.reportDdlException(ERR_UNKNOWN_WAREHOUSE, "name: <w>")} in {@code
   * SystemInfoService}, which also sets the session's error code, so the client gets the code of
   * {@code ERR_UNKNOWN_WAREHOUSE}: 10001 on 3.4 (and 3.3), 5901 from 3.5, SQLSTATE {@code 42000}
   * ({@code ErrorCode}, {@code MysqlErrPacket}).
   */
  public FeError unknownWarehouse(String warehouse) {
    int code = atLeast(FeVersion.V3_5) ? 5901 : 10001;
    return new FeError(code, "42000", "Warehouse name: " + warehouse + " not exist.");
  }

  /** A CN group name that does not exist in the warehouse (newest FE). */
  public FeError unknownCnGroup(String warehouse, String cnGroup) {
    return FeError.of("CNGroup " + cnGroup + " not exist in warehouse " + warehouse + ".");
  }

  /** A user without the NODE privilege runs ALTER SYSTEM. */
  public FeError nodePrivilegeDenied() {
    if (version == FeVersion.V2_4) {
      return new FeError(
          1227,
          "42000",
          "Access denied; you need (at least one of) the NODE privilege(s) for this operation");
    }
    return new FeError(
        5203,
        "42000",
        "Access denied; you need (at least one of) the NODE privilege(s) on SYSTEM for this"
            + " operation. Please ask the admin to grant permission(s) or try activating existing"
            + " roles using <set [default] role>. Current role(s): NONE. Inactivated role(s):"
            + " NONE.");
  }

  /** A malformed {@code host:port} literal; {@code detail} is the inner reason (newest FE). */
  public FeError badAddress(String input, String detail) {
    if (atLeast(FeVersion.V3_3)) {
      return FeError.of("Getting analyzing error. Detail message: " + detail + ".");
    }
    return FeError.of("compute node host or port is wrong!");
  }

  /** ADD in IP mode of a host name the resolver does not know. */
  public FeError unknownHost(String host) {
    if (atLeast(FeVersion.V3_3)) {
      return FeError.of(
          "Getting analyzing error. Detail message: Unknown host: "
              + host
              + ": Name or service not known.");
    }
    return FeError.of("compute node host or port is wrong!");
  }
}
