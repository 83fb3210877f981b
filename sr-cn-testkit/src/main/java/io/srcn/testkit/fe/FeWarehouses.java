package io.srcn.testkit.fe;

import io.srcn.testkit.fe.internal.state.ClusterState;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.WarehouseRecord;
import java.util.List;

/**
 * The warehouses of a {@link FakeFrontend}, for test setup: what {@code CREATE WAREHOUSE}, {@code
 * DROP WAREHOUSE} and {@code SHOW WAREHOUSES} do, without a connection. Only an FE built with
 * {@link FakeFrontendBuilder#multiWarehouse} can create warehouses; every other one has {@code
 * default_warehouse} alone, as the OSS FE.
 *
 * <p>Thread-safe.
 */
public final class FeWarehouses {
  private final ClusterState cluster;

  FeWarehouses(ClusterState cluster) {
    this.cluster = cluster;
  }

  /**
   * Creates a warehouse ({@code CREATE WAREHOUSE name}).
   *
   * @throws IllegalStateException with the FE's error when the FE has no multi-warehouse or the
   *     warehouse exists
   */
  public FeWarehouses create(String name) {
    try {
      cluster.createWarehouse(Args.nonBlank("warehouse name", name), false);
    } catch (FeError e) {
      throw new IllegalStateException("CREATE WAREHOUSE " + name + ": " + e.getMessage(), e);
    }
    return this;
  }

  /**
   * Drops an empty warehouse ({@code DROP WAREHOUSE name}).
   *
   * @throws IllegalStateException with the FE's error when it is unknown, the default one or has
   *     nodes, or the FE has no multi-warehouse
   */
  public void drop(String name) {
    try {
      cluster.dropWarehouse(Args.nonBlank("warehouse name", name), false);
    } catch (FeError e) {
      throw new IllegalStateException("DROP WAREHOUSE " + name + ": " + e.getMessage(), e);
    }
  }

  /** The warehouse names, {@code default_warehouse} first, then in creation order. */
  public List<String> names() {
    return cluster.warehouses().stream().map(WarehouseRecord::name).toList();
  }
}
