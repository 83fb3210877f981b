package io.srcn.testkit.fe.internal.state;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The FE's warehouses, as each release line has them. Upstream (docs/ARCHITECTURE.md, "Warehouses
 * by FE version"): every FE has {@code default_warehouse} (id 0); the OSS {@code WarehouseManager}
 * ({@code fe/fe-core/src/main/java/com/starrocks/server/WarehouseManager.java}) answers {@code
 * CREATE}/{@code DROP WAREHOUSE} with {@code DdlException("Multi-Warehouse is not implemented")}
 * (error 1064, as in StarRocks #53039), and looks a name up with {@code ERR_UNKNOWN_WAREHOUSE}
 * ({@code "Warehouse %s not exist."} given {@code "name: <w>"}). Vendors' shared-data FEs that
 * implement multi-warehouse create and drop them: {@link Profile#multiWarehouse()}.
 *
 * <p>Not thread-safe: {@link ClusterState} calls it under its own monitor.
 */
final class Warehouses {
  private final Profile profile;
  private final Clock clock;
  private final Map<String, WarehouseRecord> byName = new LinkedHashMap<>();
  private long nextId = 1;

  Warehouses(Profile profile, Clock clock) {
    this.profile = profile;
    this.clock = clock;
    byName.put(
        Profile.DEFAULT_WAREHOUSE,
        new WarehouseRecord(
            0, Profile.DEFAULT_WAREHOUSE, Set.of(Profile.DEFAULT_CN_GROUP), clock.instant()));
  }

  /** The warehouse called {@code name}, or the FE's unknown-warehouse error. */
  WarehouseRecord get(String name) throws FeError {
    WarehouseRecord wh = byName.get(name);
    if (wh == null) {
      throw profile.unknownWarehouse(name);
    }
    return wh;
  }

  /** {@code CREATE WAREHOUSE}: only on a multi-warehouse FE. */
  void create(String name, boolean ifNotExists) throws FeError {
    if (!profile.multiWarehouse()) {
      throw profile.multiWarehouseNotImplemented();
    }
    if (byName.containsKey(name)) {
      if (ifNotExists) {
        return;
      }
      throw FeError.of("Warehouse " + name + " already exists.");
    }
    byName.put(
        name,
        new WarehouseRecord(nextId++, name, Set.of(Profile.DEFAULT_CN_GROUP), clock.instant()));
  }

  /**
   * {@code DROP WAREHOUSE}: only on a multi-warehouse FE, never the default one, never one that
   * {@code hasNodes}.
   */
  void drop(String name, boolean ifExists, Predicate<String> hasNodes) throws FeError {
    if (!profile.multiWarehouse()) {
      throw profile.multiWarehouseNotImplemented();
    }
    if (!byName.containsKey(name)) {
      if (ifExists) {
        return;
      }
      throw profile.unknownWarehouse(name);
    }
    if (name.equals(Profile.DEFAULT_WAREHOUSE)) {
      throw FeError.of("Can not drop default warehouse");
    }
    if (hasNodes.test(name)) {
      throw FeError.of("Warehouse " + name + " has compute nodes, drop them first.");
    }
    byName.remove(name);
  }

  /** The warehouses in creation order. */
  List<WarehouseRecord> list() {
    return List.copyOf(byName.values());
  }
}
