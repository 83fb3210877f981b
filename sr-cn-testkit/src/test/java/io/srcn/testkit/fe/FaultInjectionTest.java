package io.srcn.testkit.fe;

import static io.srcn.testkit.fe.Jdbc.assertError;
import static io.srcn.testkit.fe.Jdbc.connect;
import static io.srcn.testkit.fe.Jdbc.error;
import static io.srcn.testkit.fe.Jdbc.execute;
import static io.srcn.testkit.fe.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.srcn.sdk.Frontend;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Lifecycle, fault injection and the statement log. */
class FaultInjectionTest {
  private static FakeFrontend fe() {
    return FakeFrontend.builder().heartbeatInterval(Duration.ofHours(1)).build().start();
  }

  @Test
  void failNextStatementsFailsAnyStatementThenRecovers() throws Exception {
    try (FakeFrontend fe = fe();
        Connection c = connect(fe)) {
      fe.failNextStatements(2, 1064, "HY000", "Unexpected exception: boom");
      assertError(error(c, "SELECT 1"), 1064, "42000", "Unexpected exception: boom");
      assertError(
          error(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050'"),
          1064,
          "42000",
          "Unexpected exception: boom");
      assertThat(query(c, "SELECT 1")).hasSize(1);
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  @Test
  void failNextStatementsWithAPredicateOnlyHitsMatchingSql() throws Exception {
    try (FakeFrontend fe = fe();
        Connection c = connect(fe)) {
      fe.failNextStatements(1, sql -> sql.contains("DROP COMPUTE NODE"), 5203, "42000", "denied");
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050'");
      assertThat(query(c, "SHOW COMPUTE NODES")).hasSize(1);
      assertError(error(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050'"), 5203, "42000", "denied");
      execute(c, "ALTER SYSTEM DROP COMPUTE NODE 'a:9050'");
      assertThat(fe.computeNodes()).isEmpty();
    }
  }

  @Test
  void latencyDelaysEveryStatement() throws Exception {
    try (FakeFrontend fe = fe();
        Connection c = connect(fe)) {
      fe.setLatency(Duration.ofMillis(300));
      long start = System.nanoTime();
      query(c, "SELECT 1");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
      fe.setLatency(Duration.ZERO);
      assertThatThrownBy(() -> fe.setLatency(Duration.ofMillis(-1)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void restartKeepsThePortAndTheStateButBreaksConnections() throws Exception {
    try (FakeFrontend fe = fe()) {
      int port = fe.port();
      Connection c = connect(fe);
      execute(c, "ALTER SYSTEM ADD COMPUTE NODE 'a:9050'");
      fe.restart();
      assertThat(fe.port()).isEqualTo(port);
      assertThatThrownBy(() -> query(c, "SELECT 1")).isInstanceOf(SQLException.class);
      c.close();
      try (Connection again = connect(fe)) {
        assertThat(query(again, "SHOW COMPUTE NODES")).hasSize(1);
      }
    }
  }

  @Test
  void stopRefusesConnectionsAndStartIsIdempotent() throws Exception {
    FakeFrontend fe = fe();
    int port = fe.port();
    assertThat(fe.start()).isSameAs(fe);
    assertThat(fe.port()).isEqualTo(port);
    fe.stop();
    assertThat(fe.isRunning()).isFalse();
    assertThatThrownBy(() -> connect(fe)).isInstanceOf(SQLException.class);
    fe.stop();
    fe.start();
    try (Connection c = connect(fe)) {
      assertThat(c.isValid(2)).isTrue();
    } finally {
      fe.close();
    }
  }

  @Test
  void dropAllConnectionsClosesOpenSessionsOnly() throws Exception {
    try (FakeFrontend fe = fe()) {
      Connection c1 = connect(fe);
      Connection c2 = connect(fe);
      await().atMost(Duration.ofSeconds(5)).until(() -> fe.openConnections() == 2);
      fe.dropAllConnections();
      await().atMost(Duration.ofSeconds(5)).until(() -> fe.openConnections() == 0);
      assertThatThrownBy(() -> query(c1, "SELECT 1")).isInstanceOf(SQLException.class);
      assertThat(c2.isValid(1)).isFalse();
      c1.close();
      c2.close();
      try (Connection c3 = connect(fe)) {
        assertThat(query(c3, "SELECT 1")).hasSize(1);
      }
    }
  }

  @Test
  void statementLogRecordsConnectionUserSqlOutcomeAndTime() throws Exception {
    Instant before = Instant.now();
    try (FakeFrontend fe = fe();
        Connection c = connect(fe)) {
      fe.clearStatements();
      query(c, "SELECT 1");
      error(c, "ALTER SYSTEM DROP COMPUTE NODE 'x:1'");
      execute(c, "SET autocommit=1");
      assertThat(fe.statements())
          .extracting(StatementRecord::sql)
          .containsExactly(
              "SELECT 1",
              "SELECT @@session.transaction_read_only", // Connector/J asks before execute()
              "ALTER SYSTEM DROP COMPUTE NODE 'x:1'",
              "SET autocommit=1");
      StatementRecord err = fe.statements().get(2);
      assertThat(err.outcome()).isEqualTo(StatementRecord.Outcome.ERROR);
      assertThat(err.errorCode()).isEqualTo(1064);
      assertThat(err.sqlState()).isEqualTo("HY000");
      assertThat(err.message()).isEqualTo("compute node does not exists[x:1]");
      assertThat(err.connectionId()).isEqualTo(fe.statements().get(0).connectionId()).isPositive();
      assertThat(err.user()).isEqualTo("root");
      assertThat(err.time()).isAfterOrEqualTo(before.minusSeconds(1));
      assertThat(fe.statements().get(0).rows()).isEqualTo(1);
      assertThat(fe.statements().get(3).outcome()).isEqualTo(StatementRecord.Outcome.OK);
    }
  }

  @Test
  void statementLogIsBounded() throws Exception {
    try (FakeFrontend fe = FakeFrontend.builder().statementLogCapacity(3).build().start();
        Connection c = connect(fe)) {
      for (int i = 0; i < 10; i++) {
        query(c, "SELECT " + i);
      }
      assertThat(fe.statements())
          .extracting(StatementRecord::sql)
          .containsExactly("SELECT 7", "SELECT 8", "SELECT 9");
    }
  }

  @Test
  void readyMadeSdkFrontendValues() {
    try (FakeFrontend fe =
        FakeFrontend.builder().rootPassword("pw").user("ops", "x", true).build().start()) {
      Frontend root = fe.frontend();
      assertThat(root.addresses()).containsExactly(fe.address());
      assertThat(root.credentials().literalUser()).contains("root");
      assertThat(root.credentials().literalPassword()).contains("pw");
      assertThat(fe.frontend("ops").credentials().literalUser()).contains("ops");
      assertThat(fe.jdbcUrl()).isEqualTo("jdbc:mysql://127.0.0.1:" + fe.port() + "/");
      assertThatThrownBy(() -> fe.frontend("nobody"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("nobody");
    }
    assertThatThrownBy(() -> FakeFrontend.create().port())
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closeLeavesNoThreadsBehind() throws Exception {
    FakeFrontend fe = fe();
    String prefix = "fake-fe-" + fe.port() + "-";
    try (Connection c = connect(fe)) {
      assertThat(query(c, "SELECT 1")).hasSize(1);
      fe.setLatency(Duration.ofMinutes(5));
      java.util.concurrent.CompletableFuture<?> stuck =
          java.util.concurrent.CompletableFuture.runAsync(
              () ->
                  assertThatThrownBy(() -> query(c, "SHOW COMPUTE NODES"))
                      .isInstanceOf(SQLException.class));
      await() // the connection thread is waiting out the latency
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  Thread.getAllStackTraces().entrySet().stream()
                      .anyMatch(
                          e ->
                              e.getKey().getName().startsWith(prefix + "conn-")
                                  && java.util.Arrays.stream(e.getValue())
                                      .anyMatch(
                                          f -> f.getMethodName().equals("awaitUnlessKilled"))));
      fe.close(); // also ends the statement waiting out its latency
      stuck.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                Thread.getAllStackTraces().keySet().stream()
                    .noneMatch(t -> t.getName().startsWith(prefix) && t.isAlive()));
  }

  @Test
  void driverQueryTimeoutsKillTheDelayedStatement() throws Exception {
    try (FakeFrontend fe = fe();
        Connection c = connect(fe);
        java.sql.Statement s = c.createStatement()) {
      fe.setLatency(Duration.ofSeconds(30));
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      assertThatThrownBy(() -> s.executeQuery("SHOW COMPUTE NODES"))
          .isInstanceOf(java.sql.SQLTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
      fe.setLatency(Duration.ZERO);
      assertThat(query(c, "SELECT 1")).hasSize(1);
      assertThat(fe.statements())
          .extracting(StatementRecord::sql)
          .anyMatch(q -> q.startsWith("KILL QUERY"));
    }
  }

  @Test
  void killConnectionClosesTheOtherSession() throws Exception {
    try (FakeFrontend fe = fe();
        Connection victim = connect(fe);
        Connection admin = connect(fe)) {
      String id = query(victim, "SELECT CONNECTION_ID()").get(0).get("CONNECTION_ID()");
      execute(admin, "KILL " + id);
      await().atMost(Duration.ofSeconds(5)).until(() -> fe.openConnections() == 1);
      assertThatThrownBy(() -> query(victim, "SELECT 1")).isInstanceOf(SQLException.class);
      assertError(error(admin, "KILL QUERY 999999"), 1094, "HY000", "Unknown thread id: 999999");
    }
  }
}
