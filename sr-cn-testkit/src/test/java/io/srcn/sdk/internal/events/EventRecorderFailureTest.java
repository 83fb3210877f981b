package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.GroupEvent;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Posting failures are counted and logged, never thrown, and never block the caller. */
class EventRecorderFailureTest {
  private static final String NS = "starrocks";
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void aRefusedPostIsCountedAndTheNextOneWorks() throws Exception {
    try (CrudApiServer api = new CrudApiServer();
        EventRecorder recorder = new EventRecorder(api.client(), "test")) {
      api.server()
          .expect()
          .post()
          .withPath("/api/v1/namespaces/" + NS + "/events")
          .andReturn(403, "{\"kind\":\"Status\",\"code\":403,\"message\":\"events is forbidden\"}")
          .once();
      List<GroupEvent> seen = new CopyOnWriteArrayList<>();
      recorder.addListener(seen::add);

      recorder.record(GroupEvents.nodeDropped(NS, "g", List.of("a.svc:9050"), T0), "uid");
      assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(recorder.stats()).isEqualTo(new EventRecorder.Stats(0, 0, 1, 0, 0));

      recorder.record(GroupEvents.nodeDropped(NS, "g", List.of("b.svc:9050"), T0), "uid");
      assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
      assertThat(recorder.stats()).isEqualTo(new EventRecorder.Stats(1, 0, 1, 0, 0));
      assertThat(seen).hasSize(2);
      assertThat(api.client().v1().events().inNamespace(NS).list().getItems())
          .singleElement()
          .satisfies(e -> assertThat(e.getMessage()).endsWith("b.svc:9050"));
    }
  }

  @Test
  void anUnreachableApiServerFailsEveryPostButListenersStillHearEverything() throws Exception {
    int deadPort;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      deadPort = probe.getLocalPort();
    }
    try (KubernetesClient client = CrudApiServer.clientFor("http://127.0.0.1:" + deadPort);
        EventRecorder recorder = new EventRecorder(client, "test")) {
      List<GroupEvent> seen = new CopyOnWriteArrayList<>();
      recorder.addListener(seen::add);
      for (int i = 0; i < 5; i++) {
        recorder.record(GroupEvents.frontendUnavailable(NS, "g", "refused " + i, T0), null);
      }
      assertThat(seen).hasSize(5);
      assertThat(recorder.flush(Duration.ofSeconds(30))).isTrue();
      // each post fails; those that waited meanwhile were folded into one post
      EventRecorder.Stats stats = recorder.stats();
      assertThat(stats.failed()).isPositive();
      assertThat(stats.failed() + stats.folded()).isEqualTo(5);
      assertThat(stats.created()).isZero();
    }
  }

  @Test
  @SuppressWarnings("try") // closes the hanging server early on purpose
  void whenTheApiServerHangsTheQueueBoundsMemoryAndDropsTheExcess() throws Exception {
    try (HangingServer hanging = new HangingServer();
        KubernetesClient client = CrudApiServer.clientFor(hanging.url());
        EventRecorder recorder =
            new EventRecorder(client, "test", EventRecorder.DEFAULT_WINDOW, 16, 2)) {
      List<GroupEvent> seen = new CopyOnWriteArrayList<>();
      recorder.addListener(seen::add);
      recorder.record(GroupEvents.scaled(NS, "g", 1, 2, T0), "uid");
      await().atMost(Duration.ofSeconds(10)).until(hanging::accepted);

      // the queue holds two (group, type, reason) keys; more events of a waiting key fold in
      for (int i = 0; i < 3; i++) {
        recorder.record(GroupEvents.scaled(NS, "g", 2 + i, 3 + i, T0), "uid");
        recorder.record(GroupEvents.scaled(NS, "h", 2 + i, 3 + i, T0), "uid-h");
        recorder.record(GroupEvents.scaled(NS, "k", 2 + i, 3 + i, T0), "uid-k");
      }
      assertThat(recorder.stats().dropped()).isEqualTo(3);
      assertThat(recorder.stats().folded()).isEqualTo(4);
      assertThat(recorder.pending()).isEqualTo(3);
      assertThat(seen).hasSize(10);

      hanging.close();
      assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
      assertThat(recorder.stats()).isEqualTo(new EventRecorder.Stats(0, 0, 3, 3, 4));
    }
  }

  @Test
  void aClosedRecorderIgnoresNewEvents() throws Exception {
    try (CrudApiServer api = new CrudApiServer()) {
      EventRecorder recorder = new EventRecorder(api.client(), "test");
      List<GroupEvent> seen = new CopyOnWriteArrayList<>();
      recorder.addListener(seen::add);
      recorder.close();
      recorder.record(GroupEvents.scaled(NS, "g", 1, 2, T0), "uid");
      assertThat(seen).isEmpty();
      assertThat(recorder.flush(Duration.ofSeconds(1))).isTrue();
      assertThat(api.client().v1().events().inNamespace(NS).list().getItems()).isEmpty();
    }
  }

  /** Accepts connections on 127.0.0.1 and never answers, until closed. */
  private static final class HangingServer implements AutoCloseable {
    private final ServerSocket socket;
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    HangingServer() throws IOException {
      socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
      acceptor = new Thread(this::acceptLoop, "hanging-api-server");
      acceptor.setDaemon(true);
      acceptor.start();
    }

    String url() {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }

    boolean accepted() {
      return !accepted.isEmpty();
    }

    private void acceptLoop() {
      while (!socket.isClosed()) {
        try {
          accepted.add(socket.accept());
        } catch (IOException e) {
          return;
        }
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
      for (Socket s : accepted) {
        s.close();
      }
    }
  }
}
