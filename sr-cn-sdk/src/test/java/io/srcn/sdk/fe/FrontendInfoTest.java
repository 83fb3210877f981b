package io.srcn.sdk.fe;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.FrontendInfo.Role;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontendInfoTest {
  private static Map<String, String> row(String... kv) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  @Test
  void parsesTheNewestColumns() {
    FrontendInfo f =
        FrontendInfo.of(
            row(
                "Id",
                "1",
                "Name",
                "fe-0_9010_1700000000000",
                "IP",
                "fe-0.fe-search",
                "EditLogPort",
                "9010",
                "HttpPort",
                "8030",
                "QueryPort",
                "9030",
                "RpcPort",
                "9020",
                "Role",
                "LEADER",
                "ClusterId",
                "123",
                "Join",
                "true",
                "Alive",
                "true",
                "ReplayedJournalId",
                "99",
                "LastHeartbeat",
                "2025-01-01 00:00:00",
                "IsHelper",
                "true",
                "ErrMsg",
                "",
                "StartTime",
                "2025-01-01 00:00:00",
                "Version",
                "3.3.5-abc1234"));

    assertThat(f.name()).isEqualTo("fe-0_9010_1700000000000");
    assertThat(f.isLeader()).isTrue();
    assertThat(f.role()).isEqualTo(Role.LEADER);
    assertThat(f.queryAddress()).contains(HostPort.of("fe-0.fe-search", 9030));
    assertThat(f.editLogPort()).hasValue(9010);
    assertThat(f.alive()).isTrue();
    assertThat(f.version()).isEqualTo("3.3.5-abc1234");
    assertThat(f.raw()).containsEntry("IsHelper", "true");
  }

  @Test
  void olderFesMarkTheLeaderWithIsMaster() {
    FrontendInfo leader =
        FrontendInfo.of(row("Name", "a", "IP", "10.0.0.1", "Role", "FOLLOWER", "IsMaster", "true"));
    FrontendInfo follower =
        FrontendInfo.of(
            row("Name", "b", "IP", "10.0.0.2", "Role", "FOLLOWER", "IsMaster", "false"));
    FrontendInfo observer = FrontendInfo.of(row("Name", "c", "IP", "10.0.0.3", "Role", "OBSERVER"));

    assertThat(leader.role()).isEqualTo(Role.LEADER);
    assertThat(follower.role()).isEqualTo(Role.FOLLOWER);
    assertThat(follower.isLeader()).isFalse();
    assertThat(observer.role()).isEqualTo(Role.OBSERVER);
    assertThat(observer.queryAddress()).isEmpty();
  }

  @Test
  void unknownRolesAreTolerated() {
    FrontendInfo f = FrontendInfo.of(row("IP", "h", "Role", "WITNESS"));

    assertThat(f.role()).isEqualTo(Role.UNKNOWN);
    assertThat(f.roleRaw()).isEqualTo("WITNESS");
    assertThat(f.name()).isEmpty();
  }
}
