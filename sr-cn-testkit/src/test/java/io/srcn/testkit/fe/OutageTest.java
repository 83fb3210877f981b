package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.testkit.junit.CnTestkit;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** {@link FakeFrontend#outage()} holds the FE down across an operation, then brings it back. */
@CnTestkit
class OutageTest {

  @Test
  void anOutageRefusesConnectionsUntilClosedAndKeepsState(FakeFrontend fe) throws SQLException {
    fe.addComputeNode("cn-0.example", 9050);
    int port = fe.port();

    try (FakeFrontend.Outage down = fe.outage()) {
      assertThat(fe.isRunning()).isFalse();
      assertThatThrownBy(() -> Jdbc.connect(fe)).isInstanceOf(SQLException.class);
    }

    assertThat(fe.isRunning()).isTrue();
    assertThat(fe.port()).isEqualTo(port);
    assertThat(fe.computeNodes())
        .extracting(FakeComputeNode::address)
        .contains("cn-0.example:9050");
    try (Connection c = Jdbc.connect(fe)) {
      assertThat(c.isValid(5)).isTrue();
    }
  }

  @Test
  void closingAnOutageTwiceIsHarmless(FakeFrontend fe) {
    FakeFrontend.Outage down = fe.outage();
    down.close();
    down.close();
    assertThat(fe.isRunning()).isTrue();
  }
}
