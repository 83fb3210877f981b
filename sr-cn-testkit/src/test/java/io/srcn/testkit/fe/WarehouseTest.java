package io.srcn.testkit.fe;

import static io.srcn.testkit.fe.Jdbc.assertError;
import static io.srcn.testkit.fe.Jdbc.connect;
import static io.srcn.testkit.fe.Jdbc.error;
import static io.srcn.testkit.fe.Jdbc.execute;
import static io.srcn.testkit.fe.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Warehouses and the INTO/FROM WAREHOUSE [CNGROUP] clauses per profile and run mode. */
class WarehouseTest {
  private static FakeFrontend fe(FeVersion version, boolean sharedData) {
    return FakeFrontend.builder()
        .version(version)
        .sharedData(sharedData)
        .heartbeatInterval(Duration.ofHours(1))
        .build()
        .start();
  }

  @Test
  void sharedData33CreatesWarehousesAndAddsNodesIntoThem() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3, true);
        Connection c = connect(fe)) {
      execute(c, "CREATE WAREHOUSE w1");
      execute(c, "CREATE WAREHOUSE IF NOT EXISTS w1");
      assertError(error(c, "CREATE WAREHOUSE w1"), 1064, "42000", "Warehouse w1 already exists.");
      assertThat(query(c, "SHOW WAREHOUSES"))
          .extracting(r -> r.get("Name") + "/" + r.get("Id"))
          .containsExactly("default_warehouse/0", "w1/1");
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE w1");
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'b:9050' INTO WAREHOUSE 'default_warehouse'");
      assertThat(query(c, "SHOW COMPUTE NODES"))
          .extracting(r -> r.get("WarehouseName"))
          .containsExactly("w1", "default_warehouse");
      assertThat(query(c, "SHOW WAREHOUSES"))
          .extracting(r -> r.get("NodeCount"))
          .containsExactly("1", "1");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'c:9050' INTO WAREHOUSE nope"),
          1064,
          "42000",
          "Warehouse nope not exist.");
      // 3.3: no FROM clause means default_warehouse
      assertError(
          error(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050'"),
          1064,
          "42000",
          "compute node [a:9050] does not exist in warehouse default_warehouse");
      assertError(
          error(c, "DROP WAREHOUSE w1"),
          1064,
          "42000",
          "Warehouse w1 has compute nodes, drop them first.");
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050' FROM WAREHOUSE `w1`");
      execute(c, "DROP WAREHOUSE w1");
      execute(c, "DROP WAREHOUSE IF EXISTS w1");
      assertError(
          error(c, "DROP WAREHOUSE default_warehouse"),
          1064,
          "42000",
          "Can not drop default warehouse");
      assertThat(query(c, "SHOW WAREHOUSES")).hasSize(1);
    }
  }

  @Test
  void latestDropsWithoutWarehouseCheckAndKnowsCnGroups() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.LATEST, true);
        Connection c = connect(fe)) {
      execute(c, "CREATE WAREHOUSE w2");
      execute(
          c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE w2 CNGROUP default_cngroup");
      assertThat(query(c, "SHOW COMPUTE NODES").get(0))
          .containsEntry("WarehouseName", "w2")
          .containsEntry("CNGroupName", "default_cngroup");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'b:9050' INTO WAREHOUSE nope"),
          1064,
          "42000",
          "Warehouse name: nope not exist.");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'b:9050' INTO WAREHOUSE w2 CNGROUP g"),
          1064,
          "42000",
          "CNGroup g not exist in warehouse w2.");
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050'");
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  @Test
  void sharedNothingHasOnlyTheDefaultWarehouse() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3, false);
        Connection c = connect(fe)) {
      assertError(
          error(c, "CREATE WAREHOUSE w1"),
          1064,
          "42000",
          "Create warehouse is not supported in shared-nothing mode.");
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE default_warehouse");
      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::warehouse)
          .containsExactly("default_warehouse");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' CNGROUP g"),
          1064,
          "42000",
          "Getting syntax error at line 1, column 39. Detail message: Unexpected input 'CNGROUP',"
              + " the most similar input is {<EOF>, ';'}.");
    }
  }

  @Test
  void olderProfilesHaveNoWarehouseClause() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_0, true);
        Connection c = connect(fe)) {
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE w"),
          1064,
          "42000",
          "Getting syntax error at line 1, column 39. Detail message: Unexpected input"
              + " 'INTO', the most similar input is {<EOF>, ';'}.");
      assertThat(fe.computeNodes()).isEmpty();
    }
  }
}
