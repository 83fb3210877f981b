package io.srcn.testkit.fe;

import static io.srcn.testkit.fe.Jdbc.connect;
import static io.srcn.testkit.fe.Jdbc.execute;
import static io.srcn.testkit.fe.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** Simulated heartbeats: CONNECTING, OK, DISCONNECTED after more than 3 misses, SHUTDOWN. */
class HeartbeatTest {
  private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");

  @Test
  void scheduledPollsMakeAddedNodesAlive() throws Exception {
    try (FakeFrontend fe =
            FakeFrontend.builder().heartbeatInterval(Duration.ofMillis(20)).build().start();
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'cn-0.svc:9050'");
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> query(c, "SHOW COMPUTE NODES").get(0).get("Alive").equals("true"));
      Map<String, String> row = query(c, "SHOW COMPUTE NODES").get(0);
      assertThat(row)
          .containsEntry("StatusCode", "OK")
          .containsEntry("BePort", "9060")
          .containsEntry("HttpPort", "8040")
          .containsEntry("BrpcPort", "8060")
          .containsEntry("Version", "3.3.5-abc1234")
          .containsEntry("CpuCores", "4")
          .containsEntry("MemLimit", "16.000 GB")
          .containsEntry("ErrMsg", "");
      assertThat(row.get("LastHeartbeat")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
      FakeComputeNode node = fe.computeNodes().get(0);
      assertThat(node.firstAliveAt())
          .hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(node.addedAt()));
    }
  }

  @Test
  void moreThanRetryTimesMissedPollsDeclareTheNodeDead() throws Exception {
    MutableClock clock = new MutableClock(T0);
    Set<String> down = ConcurrentHashMap.newKeySet();
    try (FakeFrontend fe = manual(clock, down);
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'cn-0.svc:9050'");
      assertThat(row(c)).containsEntry("StatusCode", "CONNECTING").containsEntry("Alive", "false");
      fe.heartbeatNow();
      assertThat(row(c))
          .containsEntry("Alive", "true")
          .containsEntry("LastHeartbeat", "2025-03-01 10:00:00")
          .containsEntry("LastStartTime", "2025-03-01 10:00:00");
      down.add("cn-0.svc");
      for (int i = 0; i < 3; i++) {
        clock.advance(Duration.ofSeconds(5));
        fe.heartbeatNow();
        assertThat(row(c))
            .as("after %d missed polls", i + 1)
            .containsEntry("Alive", "true")
            .containsEntry("StatusCode", "OK");
      }
      fe.heartbeatNow();
      assertThat(row(c))
          .containsEntry("Alive", "false")
          .containsEntry("StatusCode", "DISCONNECTED")
          .containsEntry("ErrMsg", "java.net.UnknownHostException: cn-0.svc")
          .containsEntry("LastHeartbeat", "2025-03-01 10:00:00");
      down.clear();
      clock.advance(Duration.ofSeconds(5));
      fe.heartbeatNow();
      assertThat(row(c))
          .containsEntry("Alive", "true")
          .containsEntry("ErrMsg", "")
          .containsEntry("LastStartTime", "2025-03-01 10:00:20");
    }
  }

  @Test
  void unreachableNewNodeStaysConnectingThenDisconnected() throws Exception {
    Set<String> down = Set.of("ghost");
    try (FakeFrontend fe = manual(new MutableClock(T0), down)) {
      fe.addComputeNode("ghost", 9050);
      for (int i = 0; i < 3; i++) {
        fe.heartbeatNow();
      }
      assertThat(fe.computeNodes().get(0).statusCode()).isEqualTo("CONNECTING");
      fe.heartbeatNow();
      FakeComputeNode ghost = fe.computeNodes().get(0);
      assertThat(ghost.statusCode()).isEqualTo("DISCONNECTED");
      assertThat(ghost.firstAliveAt()).isEmpty();
      assertThat(ghost.lastHeartbeat()).isEmpty();
    }
  }

  @Test
  void gracefulShutdownAndRestart() throws Exception {
    MutableClock clock = new MutableClock(T0);
    try (FakeFrontend fe = manual(clock, Set.of());
        Connection c = connect(fe)) {
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'cn-0.svc:9050'");
      fe.heartbeatNow();
      fe.shutdownComputeNode("cn-0.svc", 9050);
      assertThat(row(c))
          .containsEntry("Alive", "false")
          .containsEntry("StatusCode", "SHUTDOWN")
          .containsEntry("ErrMsg", "BE is shutting down");
      fe.heartbeatNow();
      assertThat(row(c)).containsEntry("StatusCode", "SHUTDOWN");
      clock.advance(Duration.ofMinutes(1));
      fe.restartComputeNode("cn-0.svc", 9050);
      fe.heartbeatNow();
      assertThat(row(c))
          .containsEntry("Alive", "true")
          .containsEntry("StatusCode", "OK")
          .containsEntry("LastStartTime", "2025-03-01 10:01:00");
    }
  }

  @Test
  void reachabilityPredicateCanBeReplacedAndAThrowingOneCountsAsUnreachable() {
    try (FakeFrontend fe = manual(new MutableClock(T0), Set.of())) {
      fe.addComputeNode("a", 9050);
      fe.setReachability(
          h -> {
            throw new IllegalStateException("boom");
          });
      for (int i = 0; i < 4; i++) {
        fe.heartbeatNow();
      }
      assertThat(fe.computeNodes().get(0).statusCode()).isEqualTo("DISCONNECTED");
      fe.setReachability(h -> true);
      fe.heartbeatNow();
      assertThat(fe.computeNodes().get(0).alive()).isTrue();
      assertThat(fe.removeComputeNode("a", 9050)).isTrue();
      assertThat(fe.removeComputeNode("a", 9050)).isFalse();
    }
  }

  private static FakeFrontend manual(MutableClock clock, Set<String> down) {
    return FakeFrontend.builder()
        .clock(clock)
        .heartbeatInterval(Duration.ofHours(1))
        .reachability(h -> !down.contains(h))
        .build()
        .start();
  }

  private static Map<String, String> row(Connection c) throws Exception {
    return query(c, "SHOW COMPUTE NODES").get(0);
  }
}
