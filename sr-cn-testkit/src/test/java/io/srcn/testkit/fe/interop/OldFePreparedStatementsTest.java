package io.srcn.testkit.fe.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.mysql.cj.jdbc.ServerPreparedStatement;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeVersion;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * FEs before 3.2 had no COM_STMT_PREPARE (StarRocks PR #27840; 2.5.1 answered {@code ERROR 1064
 * (HY000): Unsupported command(COM_STMT_PREPARE)}, StarRocks issue #19055): the 2.4 and 3.0
 * profiles answer so, and Connector/J falls back to client-side statements.
 */
class OldFePreparedStatementsTest {
  @Test
  void oldProfilesRefusePrepareAndConnectorJFallsBack() throws Exception {
    for (FeVersion v : new FeVersion[] {FeVersion.V2_4, FeVersion.V3_0}) {
      try (FakeFrontend fe =
              FakeFrontend.builder()
                  .version(v)
                  .heartbeatInterval(Duration.ofHours(1))
                  .build()
                  .start();
          Connection c =
              DriverManager.getConnection(fe.jdbcUrl() + "?useServerPrepStmts=true", "root", "");
          PreparedStatement ps = c.prepareStatement("SELECT ? AS n")) {
        assertThat(ps).as(v.name()).isNotInstanceOf(ServerPreparedStatement.class);
        ps.setInt(1, 5);
        try (ResultSet rs = ps.executeQuery()) {
          assertThat(rs.next()).isTrue();
          assertThat(rs.getString("n")).isEqualTo("5");
        }
        assertThat(fe.statements())
            .filteredOn(r -> r.sql().equals("SELECT 5 AS n"))
            .as(v.name())
            .hasSize(1);
        try (Connection strict =
            DriverManager.getConnection(
                fe.jdbcUrl() + "?useServerPrepStmts=true&emulateUnsupportedPstmts=false",
                "root",
                "")) {
          SQLException e =
              catchThrowableOfType(SQLException.class, () -> strict.prepareStatement("SELECT 1"));
          assertThat(e.getErrorCode()).isEqualTo(1064);
          assertThat(e.getMessage()).isEqualTo("Unsupported command(COM_STMT_PREPARE)");
        }
      }
    }
  }
}
