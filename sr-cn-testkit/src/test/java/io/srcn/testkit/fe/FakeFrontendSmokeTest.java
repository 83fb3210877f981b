package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class FakeFrontendSmokeTest {
  @Test
  void connectorJConnectsAndRunsCnStatements() throws Exception {
    try (FakeFrontend fe =
            FakeFrontend.builder()
                .heartbeatInterval(java.time.Duration.ofHours(1))
                .build()
                .start();
        Connection c = DriverManager.getConnection(fe.jdbcUrl(), "root", "");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT 1")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getInt(1)).isEqualTo(1);
      }
      s.execute("ALTER SYSTEM ADD COMPUTE NODE 'cn-0.x:9050', \"cn-1.x:9050\"");
      try (ResultSet rs = s.executeQuery("SHOW COMPUTE NODES")) {
        assertThat(rs.getMetaData().getColumnCount()).isEqualTo(21);
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString("IP")).isEqualTo("cn-0.x");
        assertThat(rs.getString("LastHeartbeat")).isNull();
      }
      assertThatThrownBy(() -> s.execute("ALTER SYSTEM ADD COMPUTE NODE 'cn-0.x:9050'"))
          .isInstanceOf(SQLException.class)
          .hasMessage("Compute node already exists with same host cn-0.x and port 9050");
      s.execute("alter system drop compute node 'cn-0.x:9050';");
      assertThat(fe.computeNodes()).extracting(FakeComputeNode::host).containsExactly("cn-1.x");
    }
  }
}
