package io.srcn.testkit.fe;

import static io.srcn.testkit.fe.Jdbc.assertError;
import static io.srcn.testkit.fe.Jdbc.connect;
import static io.srcn.testkit.fe.Jdbc.error;
import static io.srcn.testkit.fe.Jdbc.execute;
import static io.srcn.testkit.fe.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Warehouses and the INTO/FROM WAREHOUSE [CNGROUP] clauses per profile: 3.3 has no clause (a syntax
 * error), 3.4+ parse it and know only default_warehouse, and a multi-warehouse FE creates more.
 */
class WarehouseTest {
  private static FakeFrontend fe(FeVersion version, boolean sharedData) {
    return FakeFrontend.builder()
        .version(version)
        .sharedData(sharedData)
        .heartbeatInterval(Duration.ofHours(1))
        .build()
        .start();
  }

  private static FakeFrontend multiWarehouse(FeVersion version) {
    return FakeFrontend.builder()
        .version(version)
        .sharedData(true)
        .multiWarehouse(true)
        .heartbeatInterval(Duration.ofHours(1))
        .build()
        .start();
  }

  @ParameterizedTest(name = "sharedData={0}")
  @ValueSource(booleans = {false, true})
  void v33RejectsTheClauseAsTheParserDoes(boolean sharedData) throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_3, sharedData);
        Connection c = connect(fe)) {
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE default_warehouse"),
          1064,
          "42000",
          "Getting syntax error at line 1, column 39. Detail message: Unexpected input"
              + " 'INTO', the most similar input is {<EOF>, ';'}.");
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050'");
      assertError(
          error(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050' FROM WAREHOUSE default_warehouse"),
          1064,
          "42000",
          "Getting syntax error at line 1, column 40. Detail message: Unexpected input"
              + " 'FROM', the most similar input is {<EOF>, ';'}.");
      assertError(
          error(c, "CREATE WAREHOUSE w1"),
          1064,
          "42000",
          "Getting syntax error at line 1, column 7. Detail message: Unexpected input 'WAREHOUSE',"
              + " the most similar input is {'TABLE', 'DATABASE', 'VIEW', 'USER', 'ROLE'}.");
      assertError(
          error(c, "SHOW WAREHOUSES"),
          1064,
          "42000",
          "Getting syntax error at line 1, column 5. Detail message: Unexpected input"
              + " 'WAREHOUSES', the most similar input is {'COMPUTE', 'PROC', 'FRONTENDS',"
              + " 'BACKENDS', 'DATABASES', 'TABLES', 'VARIABLES'}.");
      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::warehouse)
          .containsExactly("default_warehouse");
      assertThatThrownBy(() -> fe.warehouses().create("w1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("CREATE WAREHOUSE w1: Multi-Warehouse is not implemented");
    }
  }

  @ParameterizedTest(name = "{0} sharedData={1}")
  @CsvSource({
    "V3_4,false,10001",
    "V3_4,true,10001",
    "V3_5,false,5901",
    "V3_5,true,5901",
    "LATEST,false,5901",
    "LATEST,true,5901"
  })
  void anOssFeOf34OrLaterKnowsOnlyTheDefaultWarehouse(
      FeVersion version, boolean sharedData, int unknownWarehouseCode) throws Exception {
    try (FakeFrontend fe = fe(version, sharedData);
        Connection c = connect(fe)) {
      assertError(
          error(c, "CREATE WAREHOUSE w1"), 1064, "42000", "Multi-Warehouse is not implemented");
      assertError(
          error(c, "DROP WAREHOUSE default_warehouse"),
          1064,
          "42000",
          "Multi-Warehouse is not implemented");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE w1"),
          unknownWarehouseCode,
          "42000",
          "Warehouse name: w1 not exist.");
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE default_warehouse");
      assertThat(query(c, "SHOW WAREHOUSES"))
          .extracting(r -> r.get("Name"))
          .containsExactly("default_warehouse");
      assertThatThrownBy(() -> fe.warehouses().create("w1"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("CREATE WAREHOUSE w1: Multi-Warehouse is not implemented");
      assertThat(fe.warehouses().names()).containsExactly("default_warehouse");
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050' FROM WAREHOUSE default_warehouse");
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  @Test
  void multiWarehouse34CreatesWarehousesAndAddsNodesIntoThem() throws Exception {
    try (FakeFrontend fe = multiWarehouse(FeVersion.V3_4);
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
          10001,
          "42000",
          "Warehouse name: nope not exist.");
      // before 4.0: no FROM clause means default_warehouse
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
  void theTestControlCreatesWhatSqlSees() throws Exception {
    try (FakeFrontend fe = multiWarehouse(FeVersion.V3_4);
        Connection c = connect(fe)) {
      fe.warehouses().create("w1").create("w2");
      assertThat(query(c, "SHOW WAREHOUSES"))
          .extracting(r -> r.get("Name"))
          .containsExactly("default_warehouse", "w1", "w2");
      fe.warehouses().drop("w2");
      assertThat(fe.warehouses().names()).containsExactly("default_warehouse", "w1");
      assertThatThrownBy(() -> fe.warehouses().drop("w2"))
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("DROP WAREHOUSE w2: Warehouse name: w2 not exist.");
      assertThatThrownBy(() -> fe.warehouses().create(" "))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("warehouse name");
    }
  }

  @Test
  void multiWarehouseNeedsSharedData34OrLater() {
    assertThatThrownBy(
            () ->
                FakeFrontend.builder()
                    .version(FeVersion.V3_3)
                    .sharedData(true)
                    .multiWarehouse(true)
                    .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiWarehouse needs sharedData(true) and version V3_4 or later")
        .hasMessageContaining("was V3_3");
    assertThatThrownBy(
            () -> FakeFrontend.builder().version(FeVersion.V3_4).multiWarehouse(true).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("was V3_4 shared-nothing");
  }

  @Test
  void latestDropsWithoutWarehouseCheckAndKnowsCnGroups() throws Exception {
    try (FakeFrontend fe = multiWarehouse(FeVersion.LATEST);
        Connection c = connect(fe)) {
      execute(c, "CREATE WAREHOUSE w2");
      execute(
          c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050' INTO WAREHOUSE w2 CNGROUP default_cngroup");
      assertThat(query(c, "SHOW COMPUTE NODES").get(0))
          .containsEntry("WarehouseName", "w2")
          .containsEntry("CNGroupName", "default_cngroup");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'b:9050' INTO WAREHOUSE nope"),
          5901,
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
  void v34HasNoCnGroupClause() throws Exception {
    try (FakeFrontend fe = fe(FeVersion.V3_4, false);
        Connection c = connect(fe)) {
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
