package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Test;

/**
 * A stopped FE keeps its port, so that its restart cannot fail: with test classes running
 * concurrently, a client connection elsewhere could otherwise get the freed port as its ephemeral
 * local port, and the restart would find it taken ("FakeFrontend cannot listen").
 */
class PortReservationTest {
  private static Socket bindTo(int port) throws IOException {
    Socket s = new Socket();
    s.setReuseAddress(false);
    try {
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return s;
    } catch (IOException e) {
      s.close();
      throw e;
    }
  }

  @Test
  void betweenStopAndStartThePortIsRefusedAndTakenByNobodyElse() throws Exception {
    FakeFrontend fe = FakeFrontend.create().start();
    int port = fe.port();
    fe.stop();
    try {
      assertThatThrownBy(
              () -> {
                try (Socket s = new Socket()) {
                  s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                }
              })
          .as("a stopped FE refuses connections")
          .isInstanceOf(ConnectException.class);
      assertThatThrownBy(() -> bindTo(port).close())
          .as("no other socket can take the port")
          .isInstanceOf(BindException.class);

      fe.start();
      assertThat(fe.port()).isEqualTo(port);
      assertThat(fe.isRunning()).isTrue();
    } finally {
      fe.close();
    }
  }

  @Test
  void closeGivesThePortUp() throws Exception {
    FakeFrontend fe = FakeFrontend.create().start();
    int port = fe.port();
    fe.close();
    try (Socket s = bindTo(port)) {
      assertThat(s.getLocalPort()).isEqualTo(port);
    }
  }
}
