package io.srcn.testkit.fe;

/**
 * The StarRocks FE release line whose behaviour {@link FakeFrontend} reproduces: the {@code SHOW
 * COMPUTE NODES} columns, the grammar of {@code ALTER SYSTEM ... COMPUTE NODE}, the error texts and
 * codes, and the MySQL server version string.
 *
 * <p>Immutable and thread-safe.
 */
public enum FeVersion {
  /**
   * The first CN release (2.4): 14 columns with {@code Cluster}, no warehouse clause, privilege
   * error 1227, server version {@code 5.1.0}.
   */
  V2_4("5.1.0", "2.4.5", "2.4.5-2b6f8d8"),
  /**
   * 3.0 to 3.2: 18 columns (+ {@code StarletPort}, {@code WorkerId} in shared-data mode), no
   * warehouse clause, RBAC privilege error 5203, old error texts, server version {@code 5.1.0}.
   */
  V3_0("5.1.0", "3.0.9", "3.0.9-7b8b6a5"),
  /**
   * 3.3: 21 columns with {@code MemLimit}, {@code DataCacheMetrics} and {@code StatusCode} (+ 4 in
   * shared-data mode), new error texts, server version {@code 8.0.33}, and no warehouses in the
   * grammar: OSS branch-3.3 lost the {@code INTO|FROM WAREHOUSE} clause and the {@code CREATE|DROP
   * WAREHOUSE}, {@code SHOW WAREHOUSES} statements with the backport of #42762 (#44763), so each is
   * a syntax error.
   */
  V3_3("8.0.33", "3.3.5", "3.3.5-abc1234"),
  /**
   * 3.4: as {@link #V3_3} plus the {@code INTO|FROM WAREHOUSE} clause and the warehouse statements;
   * only {@code default_warehouse} exists ({@code CREATE WAREHOUSE} answers "Multi-Warehouse is not
   * implemented", {@code WarehouseManager}) unless the FE is built with {@link
   * FakeFrontendBuilder#multiWarehouse}; another name is error 10001; a DROP without {@code FROM
   * WAREHOUSE} means {@code default_warehouse}.
   */
  V3_4("8.0.33", "3.4.6", "3.4.6-5d1e2b7"),
  /** 3.5: as {@link #V3_4}, but an unknown warehouse is error 5901 ({@code ErrorCode}). */
  V3_5("8.0.33", "3.5.2", "3.5.2-8c3f0a9"),
  /**
   * The newest FE (4.x): as {@link #V3_5} plus {@code CNGroupName} and the {@code CNGROUP} clause;
   * a DROP without {@code FROM WAREHOUSE} does not check the warehouse (StarRocks #62940); server
   * version {@code 8.0.33}.
   */
  LATEST("8.0.33", "4.0.1", "4.0.1-4e8f2a1");

  private final String serverVersion;
  private final String release;
  private final String buildVersion;

  FeVersion(String serverVersion, String release, String buildVersion) {
    this.serverVersion = serverVersion;
    this.release = release;
    this.buildVersion = buildVersion;
  }

  /** The MySQL server version in the handshake and {@code SELECT VERSION()}. */
  public String serverVersion() {
    return serverVersion;
  }

  /**
   * The StarRocks release simulated, as in {@code @@version_comment} ({@code StarRocks version X}).
   */
  public String release() {
    return release;
  }

  /** The build string of the FE and of its compute nodes, e.g. {@code 3.3.5-abc1234}. */
  public String buildVersion() {
    return buildVersion;
  }
}
