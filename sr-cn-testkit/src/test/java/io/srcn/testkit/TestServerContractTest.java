package io.srcn.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@link TestServer} contract, checked on both servers. */
class TestServerContractTest {
  static Stream<Arguments> servers() {
    Supplier<TestServer> fe = FakeFrontend::create;
    Supplier<TestServer> k8s = MockKubernetes::create;
    ToIntFunction<TestServer> fePort = s -> ((FakeFrontend) s).port();
    ToIntFunction<TestServer> k8sPort = s -> ((MockKubernetes) s).port();
    return Stream.of(
        Arguments.of("FakeFrontend", fe, fePort, true),
        Arguments.of("MockKubernetes", k8s, k8sPort, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void startAndStopAreIdempotentAndCloseStops(
      String name, Supplier<TestServer> factory, ToIntFunction<TestServer> port, boolean restart) {
    TestServer server = factory.get();
    assertThat(server.isRunning()).isFalse();
    assertThat(server.start()).isSameAs(server);
    int bound = port.applyAsInt(server);
    assertThat(server.start()).isSameAs(server);
    assertThat(server.isRunning()).isTrue();
    assertThat(port.applyAsInt(server)).as("a second start binds nothing new").isEqualTo(bound);
    assertThat(accepts(bound)).isTrue();

    server.close();
    assertThat(server.isRunning()).isFalse();
    assertThat(accepts(bound)).as("stop releases the port").isFalse();
    server.stop();
    assertThat(server.isRunning()).isFalse();
    assertThat(server.restartable()).isEqualTo(restart);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("servers")
  void startAfterStopRestartsOnlyARestartableServer(
      String name, Supplier<TestServer> factory, ToIntFunction<TestServer> port, boolean restart) {
    TestServer server = factory.get().start();
    int bound = port.applyAsInt(server);
    server.stop();
    if (restart) {
      try (TestServer again = server.start()) {
        assertThat(again.isRunning()).isTrue();
        assertThat(port.applyAsInt(again)).as("same port after a restart").isEqualTo(bound);
        assertThat(accepts(bound)).isTrue();
      }
    } else {
      assertThatThrownBy(server::start)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("stopped");
      assertThat(server.isRunning()).isFalse();
    }
  }

  private static boolean accepts(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
