package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Builder validation and the test-control preconditions name what is wrong. */
class BuilderTest {
  @Test
  void invalidSettingsAreRejectedWithTheirName() {
    assertThatThrownBy(() -> FakeFrontend.builder().port(70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port must be in 0..65535, was 70000");
    assertThatThrownBy(() -> FakeFrontend.builder().heartbeatInterval(Duration.ZERO))
        .hasMessage("heartbeatInterval must be a positive duration, was PT0S");
    assertThatThrownBy(() -> FakeFrontend.builder().heartbeatRetryTimes(-1))
        .hasMessageStartingWith("heartbeatRetryTimes must be in 0..");
    assertThatThrownBy(() -> FakeFrontend.builder().statementLogCapacity(-1))
        .hasMessageStartingWith("statementLogCapacity must be in 0..");
    assertThatThrownBy(() -> FakeFrontend.builder().user("", "x", true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FakeFrontend.builder().version(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("version");
  }

  @Test
  void nodeControlsRequireARegisteredNode() {
    try (FakeFrontend fe = FakeFrontend.create()) {
      assertThatThrownBy(() -> fe.shutdownComputeNode("nope", 9050))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("no compute node nope:9050 is registered");
      assertThatThrownBy(() -> fe.restartComputeNode("::1", 9050))
          .hasMessage("no compute node [::1]:9050 is registered");
      fe.addComputeNode("a", 1);
      fe.addComputeNode("a", 1);
      assertThat(fe.computeNodes()).hasSize(1);
      assertThat(fe.isRunning()).isFalse();
      assertThat(fe.toString()).contains("V3_3").doesNotContain("password");
    }
  }
}
