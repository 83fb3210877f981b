package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendInfo;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** FE host mode detection, the warehouse gate by FE version, and which refusals are for good. */
class HostModeAndWarehousesTest {
  private static FrontendInfo fe(String host, String role) {
    return FrontendInfo.of(
        Map.of("Name", host + "_9010_1", "IP", host, "Role", role, "Alive", "true"));
  }

  @Test
  void aLeaderListedByNameIsFqdnModeAndByIpIsIpMode() {
    assertThat(
            FeHostMode.fromFrontends(
                    List.of(fe("10.0.0.2", "FOLLOWER"), fe("fe-0.fe-search.sr.svc", "LEADER")))
                .ipMode())
        .isFalse();
    FeHostMode ip =
        FeHostMode.fromFrontends(List.of(fe("10.0.0.1", "LEADER"), fe("10.0.0.2", "FOLLOWER")));
    assertThat(ip.ipMode()).isTrue();
    assertThat(ip.reason()).contains("10.0.0.1").contains("IP mode");
    // no leader flagged: any FE listed by name proves FQDN mode
    assertThat(FeHostMode.fromFrontends(List.of(fe("fe-1.x", "UNKNOWN"))).ipMode()).isFalse();
    assertThat(FeHostMode.fromFrontends(List.of()).ipMode()).isTrue();
  }

  @Test
  void theClauseIsLeftOutForTheDefaultWarehouse() {
    assertThat(Warehouses.clause(Optional.of("default_warehouse"))).isEmpty();
    assertThat(Warehouses.clause(Optional.empty())).isEmpty();
    assertThat(Warehouses.clause(Optional.of("wh_etl"))).contains("wh_etl");
  }

  @Test
  void anotherWarehouseNeedsAnFeOf34OrLater() {
    assertThat(Warehouses.unsupported("wh", "3.3.5")).get().asString().contains("FE 3.3.5");
    assertThat(Warehouses.unsupported("wh", "3.0.9")).isPresent();
    assertThat(Warehouses.unsupported("wh", "2.4.5")).isPresent();
    assertThat(Warehouses.unsupported("wh", "3.4.0")).isEmpty();
    assertThat(Warehouses.unsupported("wh", "3.5.7-ee")).isEmpty();
    assertThat(Warehouses.unsupported("wh", "4.0.1")).isEmpty();
    assertThat(Warehouses.unsupported("wh", "")).as("unknown: the FE answers").isEmpty();
  }

  @Test
  void onlyRefusalsRetryingCannotFixStartTheBackoff() {
    assertThat(Refusal.isPermanent(statement("Warehouse name: wh not exist."))).isTrue();
    assertThat(Refusal.isPermanent(statement("Getting syntax error at line 1, column 62")))
        .isTrue();
    assertThat(Refusal.isPermanent(statement("Multi-Warehouse is not implemented"))).isTrue();
    assertThat(
            Refusal.isPermanent(
                new FrontendAuthException("register", 1227, "42000", null, "Access denied", null)))
        .isTrue();
    assertThat(Refusal.isPermanent(statement("injected: the FE is busy"))).isFalse();
    assertThat(Refusal.isPermanent(new CnSdkException("no FE answered"))).isFalse();
  }

  @Test
  void theBackoffGrowsAndIsBounded() {
    Refusal r = new Refusal("register pods");
    Instant t = Instant.parse("2026-12-02T00:00:00Z");
    CnSdkException first = r.refused(statement("Warehouse name: wh not exist."), t);
    assertThat(first.getMessage()).contains("register pods").contains("wh not exist");
    assertThat(r.holds(t.plusMillis(999))).isTrue();
    assertThat(r.holds(t.plusSeconds(1))).isFalse();
    r.refused(statement("x"), t);
    assertThat(r.holds(t.plusMillis(1999))).isTrue();
    for (int i = 0; i < 30; i++) {
      r.refused(statement("x"), t);
    }
    assertThat(r.holds(t.plus(Refusal.MAX))).isFalse();
    r.cleared();
    assertThat(r.current()).isEmpty();
    assertThat(r.holds(t)).isFalse();
  }

  private static FrontendException statement(String message) {
    return new FrontendException("register pods", 1064, "42000", null, message, null);
  }
}
