package io.srcn.testkit.fe;

import static io.srcn.testkit.fe.Jdbc.assertError;
import static io.srcn.testkit.fe.Jdbc.connect;
import static io.srcn.testkit.fe.Jdbc.execute;
import static io.srcn.testkit.fe.Jdbc.query;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection phase and generic statements with Connector/J 9.5, end to end. */
class ConnectorJProtocolTest {
  private FakeFrontend fe;

  @BeforeEach
  void start() {
    fe =
        FakeFrontend.builder()
            .user("ops", "s3cret", true)
            .user("viewer", "", false)
            .heartbeatInterval(Duration.ofHours(1))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  @Test
  void connectsAndAnswersTheDriverSessionSetUp() throws Exception {
    try (Connection c = connect(fe)) {
      assertThat(query(c, "SELECT 1")).containsExactly(Map.of("1", "1"));
      assertThat(c.isValid(2)).isTrue();
    }
    List<StatementRecord> log = fe.statements();
    assertThat(log.get(0).sql()).contains("@@session.auto_increment_increment AS");
    assertThat(log.get(0).outcome()).isEqualTo(StatementRecord.Outcome.ROWS);
    assertThat(log.get(0).rows()).isEqualTo(1);
    assertThat(log)
        .extracting(StatementRecord::sql)
        .contains("SET NAMES utf8mb4", "SET character_set_results = NULL", "SET autocommit=1")
        .contains("SELECT 1");
    assertThat(log).extracting(StatementRecord::user).containsOnly("root");
    assertThat(log).noneMatch(StatementRecord::isError);
  }

  @Test
  void answersVariablesFunctionsAndInformationalStatements() throws Exception {
    try (Connection c = connect(fe)) {
      assertThat(query(c, "select @@version_comment limit 1"))
          .containsExactly(Map.of("@@version_comment", "StarRocks version 3.3.5"));
      assertThat(query(c, "SELECT @@session.transaction_read_only"))
          .containsExactly(Map.of("@@session.transaction_read_only", "0"));
      assertThat(query(c, "SELECT DATABASE(), VERSION(), current_version() AS v"))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.get("DATABASE()")).isNull();
                assertThat(r)
                    .containsEntry("VERSION()", "8.0.33")
                    .containsEntry("v", "3.3.5-abc1234");
              });
      assertThat(query(c, "show databases"))
          .extracting(r -> r.get("Database"))
          .containsExactly("_statistics_", "information_schema", "sys");
      assertThat(query(c, "SHOW VARIABLES LIKE 'max_allowed%'"))
          .containsExactly(Map.of("Variable_name", "max_allowed_packet", "Value", "33554432"));
      assertThat(query(c, "SHOW BACKENDS")).isEmpty();
      assertThat(query(c, "SHOW FRONTENDS"))
          .singleElement()
          .satisfies(
              r ->
                  assertThat(r)
                      .containsEntry("Role", "LEADER")
                      .containsEntry("Alive", "true")
                      .containsEntry("QueryPort", Integer.toString(fe.port())));
      execute(c, "SET SESSION query_timeout = 10");
      execute(c, "use information_schema");
      assertThat(query(c, "select database()"))
          .containsExactly(Map.of("database()", "information_schema"));
      assertError(
          Jdbc.error(c, "SELECT @@no_such_var"),
          1193,
          "HY000",
          "Unknown system variable 'no_such_var'");
      assertError(Jdbc.error(c, "use nosuch"), 1049, "42000", "Unknown database 'nosuch'");
    }
  }

  @Test
  void wrongPasswordIsAccessDenied() {
    SQLException e = catchThrowableOfType(SQLException.class, () -> connect(fe, "ops", "wrong"));
    assertError(e, 1045, "28000", "Access denied for user 'ops' (using password: YES)");
    e = catchThrowableOfType(SQLException.class, () -> connect(fe, "ops", ""));
    assertError(e, 1045, "28000", "Access denied for user 'ops' (using password: NO)");
    e = catchThrowableOfType(SQLException.class, () -> connect(fe, "nobody", "x"));
    assertError(e, 1045, "28000", "Access denied for user 'nobody' (using password: YES)");
    assertThat(fe.statements()).isEmpty();
  }

  @Test
  void rightPasswordLogsIn() throws Exception {
    try (Connection c = connect(fe, "ops", "s3cret")) {
      assertThat(query(c, "SELECT CURRENT_USER()"))
          .containsExactly(Map.of("CURRENT_USER()", "'ops'@'%'"));
    }
    try (Connection c =
        connect(fe, "ops", "s3cret", "defaultAuthenticationPlugin", "caching_sha2_password")) {
      assertThat(query(c, "SELECT 1")).hasSize(1); // logged in through an auth switch
    }
  }

  @Test
  void refusedLoginsAreAccessDeniedUntilAllowedAgain() throws Exception {
    fe.refuseLogins(true);
    SQLException e = catchThrowableOfType(SQLException.class, () -> connect(fe));
    assertError(e, 1045, "28000", "Access denied for user 'root' (using password: NO)");
    fe.refuseLogins(false);
    try (Connection c = connect(fe)) {
      assertThat(c.isValid(2)).isTrue();
    }
  }

  @Test
  void serverPreparedStatementsFallBackToClientSide() throws Exception {
    try (Connection c = connect(fe, "root", "", "useServerPrepStmts", "true");
        PreparedStatement ps = c.prepareStatement("ALTER SYSTEM ADD COMPUTE NODE ?")) {
      ps.setString(1, "cn-0.svc:9050");
      ps.execute();
    }
    assertThat(fe.computeNodes())
        .extracting(FakeComputeNode::address)
        .containsExactly("cn-0.svc:9050");
    assertThat(fe.statements())
        .extracting(StatementRecord::sql)
        .contains("ALTER SYSTEM ADD COMPUTE NODE 'cn-0.svc:9050'");
  }

  @Test
  void sslRequiredFailsOnTheClientBecauseTheServerOffersNoTls() {
    SQLException e =
        catchThrowableOfType(
            SQLException.class, () -> connect(fe, "root", "", "sslMode", "REQUIRED"));
    assertThat((Throwable) e)
        .hasMessageContaining("SSL Connection required, but not provided by server");
  }

  @Test
  void databaseInTheUrlIsCheckedAtLogin() throws Exception {
    try (Connection c =
        java.sql.DriverManager.getConnection(fe.jdbcUrl() + "information_schema", "root", "")) {
      assertThat(c.getCatalog()).isEqualTo("information_schema");
    }
    SQLException e =
        catchThrowableOfType(
            SQLException.class,
            () -> java.sql.DriverManager.getConnection(fe.jdbcUrl() + "nosuch", "root", ""));
    assertError(e, 1049, "42000", "Unknown database 'nosuch'");
  }

  @Test
  void messagesLargerThan16MiBAreSplitInBothDirections() throws Exception {
    String big = "x".repeat(17 * 1024 * 1024);
    try (Connection c = connect(fe);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT '" + big + "' AS v")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString("v")).hasSize(big.length()).isEqualTo(big);
    }
  }
}
