package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.HostPort;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeSqlTest {
  @Test
  void addListsEveryNodeAsAQuotedLiteral() {
    String sql =
        FeSql.addComputeNodes(
            List.of(
                HostPort.parse("g-cn-0.g-cn-search.ns.svc.cluster.local:9050"),
                HostPort.parse("10.0.0.7:9050"),
                HostPort.parse("[fd00::1]:9050")),
            Optional.empty());

    assertThat(sql)
        .isEqualTo(
            "ALTER SYSTEM ADD COMPUTE NODE 'g-cn-0.g-cn-search.ns.svc.cluster.local:9050',"
                + " '10.0.0.7:9050', '[fd00::1]:9050'");
  }

  @Test
  void warehouseClausesAreBackQuoted() {
    List<HostPort> one = List.of(HostPort.of("10.0.0.1", 9050));

    assertThat(FeSql.addComputeNodes(one, Optional.of("default_warehouse")))
        .isEqualTo(
            "ALTER SYSTEM ADD COMPUTE NODE '10.0.0.1:9050' INTO WAREHOUSE `default_warehouse`");
    assertThat(FeSql.dropComputeNodes(one, Optional.of("wh_2")))
        .isEqualTo("ALTER SYSTEM DROP COMPUTE NODE '10.0.0.1:9050' FROM WAREHOUSE `wh_2`");
  }

  @Test
  void anEmptyListIsRejected() {
    assertThatThrownBy(() -> FeSql.addComputeNodes(List.of(), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a':9050",
        "a:9050', 'b:9050",
        "a,b:9050",
        "a;DROP:9050",
        "a\n:9050",
        "a:9050\n",
        "a/*x*/:9050",
        "a -- x:9050",
        "a#x:9050",
        "a\":9050",
        "a`:9050",
        "a\\:9050",
        " a:9050",
        "a b:9050",
        "[::1';]:9050",
        "a:9050;",
        "a:90 50",
        "a:-1",
        "a:0",
        "a:65536",
        "::1:9050",
        "",
      })
  void hostileAddressesNeverReachSql(String input) {
    assertThatThrownBy(() -> HostPort.parse(input))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid address");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "wh`; DROP",
        "wh'",
        "wh\"",
        "wh,x",
        "wh;",
        "wh\n",
        "wh -- x",
        "wh/*",
        "wh#",
        "1wh",
        "",
        "w h",
        "wh-1",
      })
  void hostileWarehouseNamesAreRejectedNamingTheInput(String name) {
    assertThatThrownBy(() -> FeSql.validateWarehouse(name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("invalid warehouse name '")
        .hasMessageNotContaining("\n");
  }

  @Test
  void aNullWarehouseIsRejected() {
    assertThatThrownBy(() -> FeSql.validateWarehouse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }

  @Test
  void everyLiteralHasOnlyAddressCharacters() {
    for (String a :
        List.of("a:1", "A-b.c-D:65535", "[::ffff:10.0.0.1]:9050", "[2001:db8::8a2e:370:7334]:1")) {
      assertThat(FeSql.literal(HostPort.parse(a))).matches("'[A-Za-z0-9.:\\[\\]-]+'");
    }
  }
}
