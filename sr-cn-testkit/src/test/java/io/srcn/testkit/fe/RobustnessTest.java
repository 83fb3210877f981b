package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.sql.Connection;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/** Bad clients end only their own connection; the server keeps serving and does not leak. */
// it measures the JVM's heap before and after 10,000 connections: run alone, since classes running
// beside it would allocate too
@Isolated
class RobustnessTest {
  private FakeFrontend fe;

  @BeforeEach
  void start() {
    fe = FakeFrontend.builder().heartbeatInterval(Duration.ofHours(1)).build().start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  @Test
  void garbageBeforeAndAfterLoginEndsOnlyThatConnection() throws Exception {
    try (RawClient idle = RawClient.open(fe)) {
      assertThat(RawClient.isOk(idle.login("root", ""))).isTrue();
      try (RawClient bad = RawClient.open(fe).greeting()) {
        bad.writeRaw("GET / HTTP/1.1\r\nHost: x\r\n\r\n".getBytes());
        assertThat(bad.closedByServer()).isTrue();
      }
      try (RawClient bad = RawClient.open(fe)) {
        bad.login("root", "");
        bad.writeRaw(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0, 1, 2, 3});
        bad.socket.shutdownOutput(); // truncated: the header promised 16 MiB
        assertThat(bad.closedByServer()).isTrue();
      }
      assertThat(RawClient.isOk(idle.command(0x0E, ""))).as("other sessions unaffected").isTrue();
    }
    assertServes();
  }

  @Test
  void abruptDisconnectsAtEveryStage() throws Exception {
    new Socket("127.0.0.1", fe.port()).close(); // before reading the greeting
    RawClient.open(fe).greeting().close(); // before answering it
    try (RawClient c = RawClient.open(fe).greeting()) {
      c.writeRaw(new byte[] {50, 0, 0, 1, 1, 2}); // half a handshake response
    }
    try (RawClient c = RawClient.open(fe)) {
      c.login("root", "");
      c.writeRaw(new byte[] {40, 0, 0, 0, 3, 'S', 'E'}); // half a query
    }
    try (RawClient c = RawClient.open(fe)) {
      c.login("root", "");
      fe.addComputeNode("a", 9050);
      c.send(0x03, "SHOW COMPUTE NODES"); // leaves without reading the result
      c.socket.setSoLinger(true, 0); // RST instead of FIN
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> fe.openConnections() == 0);
    assertServes();
  }

  @Test
  void seededFuzzBeforeAndAfterTheHandshakeNeverStopsTheServer() throws Exception {
    Random random = new Random(20250301L);
    for (int i = 0; i < 300; i++) {
      try (RawClient c = RawClient.open(fe)) {
        c.socket.setSoTimeout(2_000);
        if (random.nextBoolean()) {
          c.greeting();
          c.writeRaw(randomBytes(random, random.nextInt(200)));
        } else {
          c.login("root", "");
          fuzzCommands(c, random);
        }
        c.socket.shutdownOutput();
        drain(c);
      }
      if (i % 50 == 0) {
        assertServes();
      }
    }
    await().atMost(Duration.ofSeconds(15)).until(() -> fe.openConnections() == 0);
    assertServes();
  }

  private static void fuzzCommands(RawClient c, Random random) throws IOException {
    for (int k = 0; k < 5; k++) {
      byte[] payload = randomBytes(random, 1 + random.nextInt(64));
      if (random.nextInt(3) == 0) {
        payload[0] = 0x03; // a random COM_QUERY text
      }
      c.send(
          payload[0] & 0xFF,
          new String(payload, 1, payload.length - 1, java.nio.charset.StandardCharsets.ISO_8859_1));
    }
  }

  private static void drain(RawClient c) {
    try {
      while (c.socket.getInputStream().read(new byte[4096]) >= 0) {
        // discard replies until the server closes or the timeout hits
      }
    } catch (IOException e) {
      // reset or timeout: the connection is over either way
    }
  }

  @Test
  void tenThousandConnectCloseCyclesDoNotGrowThreadsOrMemory() throws Exception {
    cycles(500); // warm-up
    long threadsBefore = connectionThreads();
    long heapBefore = usedHeapAfterGc();
    cycles(10_000);
    await().atMost(Duration.ofSeconds(10)).until(() -> fe.openConnections() == 0);
    assertThat(connectionThreads()).isLessThanOrEqualTo(threadsBefore + 4);
    assertThat(usedHeapAfterGc() - heapBefore).as("heap growth").isLessThan(16L << 20);
    assertServes();
  }

  private void cycles(int n) throws IOException {
    for (int i = 0; i < n; i++) {
      try (RawClient c = RawClient.open(fe)) {
        c.login("root", "");
        c.send(0x01, "");
      }
    }
  }

  private long connectionThreads() {
    String prefix = "fake-fe-" + fe.port() + "-conn-";
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
        .count();
  }

  private static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  private static byte[] randomBytes(Random random, int n) {
    byte[] b = new byte[n];
    random.nextBytes(b);
    return b;
  }

  private void assertServes() throws Exception {
    try (Connection c = Jdbc.connect(fe)) {
      assertThat(Jdbc.query(c, "SELECT 1")).hasSize(1);
    }
  }
}
