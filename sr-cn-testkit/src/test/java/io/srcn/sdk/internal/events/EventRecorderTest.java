package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.srcn.sdk.GroupEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * EventRecorder against fabric8's CRUD mock API server: posting, dedup, expiry, listeners. One
 * server for the class; each test works in its own namespace with its own recorder.
 */
// the events thread posts one event after another, and the tests bound how long that takes (40
// posts within a 20 s flush): beside three other classes on two loaded cores the posts took 25 s,
// so the class runs alone
@Isolated
class EventRecorderTest {
  private static final AtomicInteger NAMESPACES = new AtomicInteger();
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final List<String> ADDRESSES =
      List.of("analytics-cn-0.analytics-cn-search.starrocks.svc.cluster.local:9050");

  private static CrudApiServer api;
  private String ns;
  private EventRecorder recorder;

  @BeforeAll
  static void startServer() throws Exception {
    api = new CrudApiServer();
  }

  @AfterAll
  static void stopServer() {
    api.close();
  }

  @BeforeEach
  void start() {
    ns = "starrocks-" + NAMESPACES.incrementAndGet();
    recorder = new EventRecorder(api.client(), "test-controller");
  }

  @AfterEach
  void stop() {
    recorder.close();
  }

  @Test
  void postsAnEventOnTheStatefulSetWithTheUidItIsGivenAndNeverReadsTheStatefulSet()
      throws Exception {
    StatefulSet sts = createStatefulSet("analytics");
    int before = api.server().getRequestCount();
    recorder.record(
        GroupEvents.nodeRegistered(ns, "analytics", ADDRESSES, T0), sts.getMetadata().getUid());
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    // one request: the POST of the Event; no GET of the StatefulSet (issue 19)
    assertThat(api.server().getRequestCount() - before).isEqualTo(1);

    List<Event> events = events();
    assertThat(events).hasSize(1);
    Event e = events.get(0);
    assertThat(e.getMetadata().getName()).startsWith("analytics-cn.");
    assertThat(e.getInvolvedObject().getKind()).isEqualTo("StatefulSet");
    assertThat(e.getInvolvedObject().getName()).isEqualTo("analytics-cn");
    assertThat(e.getInvolvedObject().getUid()).isEqualTo(sts.getMetadata().getUid()).isNotBlank();
    assertThat(e.getType()).isEqualTo("Normal");
    assertThat(e.getReason()).isEqualTo("NodeRegistered");
    assertThat(e.getMessage())
        .isEqualTo("Registered 1 compute node with the FE: " + ADDRESSES.get(0));
    assertThat(e.getCount()).isEqualTo(1);
    assertThat(e.getReportingComponent()).isEqualTo("sr-cn-sdk");
    assertThat(e.getReportingInstance()).isEqualTo("test-controller");
    assertThat(e.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/instance", "analytics");
    assertThat(recorder.stats()).isEqualTo(new EventRecorder.Stats(1, 0, 0, 0, 0));
  }

  @Test
  void withoutAUidTheEventNamesTheStatefulSetByNameAndNothingIsRead() throws Exception {
    createStatefulSet("analytics");
    int before = api.server().getRequestCount();
    recorder.record(GroupEvents.nodeDropped(ns, "analytics", ADDRESSES, T0), null);
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(api.server().getRequestCount() - before).isEqualTo(1);
    assertThat(events())
        .singleElement()
        .satisfies(e -> assertThat(e.getInvolvedObject().getName()).isEqualTo("analytics-cn"))
        .satisfies(e -> assertThat(e.getInvolvedObject().getUid()).isNull());
  }

  @Test
  void repeatsWithinTheWindowBumpOneEventsCountAndLastTimestamp() throws Exception {
    GroupEvent down = GroupEvents.frontendUnavailable(ns, "analytics", "connect timed out", T0);
    recorder.record(down, "uid-1");
    recorder.record(at(down, T0.plusSeconds(60)), "uid-1");
    recorder.record(at(down, T0.plusSeconds(590)), "uid-1");
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

    List<Event> events = events();
    assertThat(events).hasSize(1);
    assertThat(events.get(0).getCount()).isEqualTo(3);
    assertThat(events.get(0).getType()).isEqualTo("Warning");
    assertThat(events.get(0).getFirstTimestamp()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(events.get(0).getLastTimestamp()).isEqualTo("2026-11-25T10:09:50Z");
    // the repeats bump the count either on the server or, while the first is being posted, in
    // the queue
    EventRecorder.Stats stats = recorder.stats();
    assertThat(stats.created()).isEqualTo(1);
    assertThat(stats.updated() + stats.folded()).isEqualTo(2);
    assertThat(stats.failed() + stats.dropped()).isZero();
  }

  @Test
  void anotherMessageReasonGroupOrObjectIsAnotherEvent() throws Exception {
    GroupEvent a = GroupEvents.frontendUnavailable(ns, "analytics", "connect timed out", T0);
    // one at a time: another message of a waiting (object, type, reason) would be folded into it
    for (var e :
        List.of(
            Map.entry(a, "uid-1"),
            Map.entry(GroupEvents.frontendUnavailable(ns, "analytics", "refused", T0), "uid-1"),
            Map.entry(
                GroupEvents.frontendUnavailable(ns, "reports", "connect timed out", T0), "u2"),
            Map.entry(a, "uid-of-a-recreated-statefulset"),
            Map.entry(GroupEvents.nodeDropped(ns, "analytics", ADDRESSES, T0), "uid-1"))) {
      recorder.record(e.getKey(), e.getValue());
      assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    }
    assertThat(events()).hasSize(5).allSatisfy(e -> assertThat(e.getCount()).isEqualTo(1));
  }

  @Test
  void aBurstWhileThePosterIsBusyBecomesOneEventPerGroupAndReason() throws Exception {
    // the first post (another namespace) is held by the server until released: what is recorded
    // meanwhile waits in the queue, where it folds per (object, type, reason)
    CountDownLatch release = new CountDownLatch(1);
    String blocker = ns + "-blocker";
    api.server()
        .expect()
        .post()
        .withPath("/api/v1/namespaces/" + blocker + "/events")
        .andReply(201, request -> heldEvent(release, blocker))
        .once();
    int before = api.server().getRequestCount();
    recorder.record(GroupEvents.scaled(blocker, "other", 1, 2, T0), "uid-0");
    await().atMost(Duration.ofSeconds(10)).until(() -> api.server().getRequestCount() > before);

    for (int i = 0; i < 3; i++) {
      recorder.record(
          GroupEvents.nodeRegistered(ns, "analytics", List.of(address("analytics", i)), at(i)),
          "uid-1");
      recorder.record(
          GroupEvents.nodeRegistered(ns, "reports", List.of(address("reports", i)), at(i)), "u2");
    }
    recorder.record(GroupEvents.frontendUnavailable(ns, "analytics", "refused", at(3)), "uid-1");
    recorder.record(GroupEvents.frontendUnavailable(ns, "analytics", "timed out", at(5)), "uid-1");
    assertThat(recorder.pending()).isEqualTo(4); // the held post and three waiting keys
    release.countDown();
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();

    assertThat(api.server().getRequestCount() - before).isEqualTo(4);
    assertThat(recorder.stats()).isEqualTo(new EventRecorder.Stats(4, 0, 0, 0, 5));
    List<Event> events = events();
    assertThat(events).hasSize(3);
    assertThat(events)
        .filteredOn(e -> e.getReason().equals("NodeRegistered"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.getCount()).isEqualTo(3))
        .allSatisfy(e -> assertThat(e.getFirstTimestamp()).isEqualTo("2026-11-25T10:00:00Z"))
        .allSatisfy(e -> assertThat(e.getLastTimestamp()).isEqualTo("2026-11-25T10:00:02Z"))
        .extracting(Event::getMessage)
        .containsExactlyInAnyOrder(
            "Registered 3 compute nodes with the FE: "
                + String.join(", ", address("analytics", 0), address("analytics", 1))
                + ", "
                + address("analytics", 2),
            "Registered 3 compute nodes with the FE: "
                + String.join(", ", address("reports", 0), address("reports", 1))
                + ", "
                + address("reports", 2));
    assertThat(events)
        .filteredOn(e -> e.getReason().equals("FrontendUnavailable"))
        .singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(2))
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .isEqualTo("(combined from similar events): No FE answered: timed out"));
  }

  private static Object heldEvent(CountDownLatch release, String namespace) {
    try {
      release.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return "{\"apiVersion\":\"v1\",\"kind\":\"Event\",\"metadata\":{\"name\":\"held\","
        + "\"namespace\":\""
        + namespace
        + "\"}}";
  }

  private static String address(String group, int i) {
    return group + "-cn-" + i + "." + group + "-cn-search.starrocks.svc.cluster.local:9050";
  }

  private static Instant at(int seconds) {
    return T0.plusSeconds(seconds);
  }

  @Test
  void aRepeatAfterTheWindowCreatesANewEvent() throws Exception {
    GroupEvent scaled = GroupEvents.scaled(ns, "analytics", 1, 2, T0);
    recorder.record(scaled, "uid-1");
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    recorder.record(at(scaled, T0.plus(EventRecorder.DEFAULT_WINDOW)), "uid-1");
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    List<Event> events = events();
    assertThat(events).hasSize(2);
    assertThat(events)
        .extracting(Event::getFirstTimestamp)
        .containsExactly("2026-11-25T10:00:00Z", "2026-11-25T10:10:00Z");
  }

  @Test
  void anEventDeletedMeanwhileIsCreatedAgain() throws Exception {
    GroupEvent dropped = GroupEvents.nodeDropped(ns, "analytics", ADDRESSES, T0);
    recorder.record(dropped, "uid-1");
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    for (Event e : events()) {
      api.client().v1().events().resource(e).delete();
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> events().isEmpty());

    recorder.record(at(dropped, T0.plusSeconds(30)), "uid-1");
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(events())
        .singleElement()
        .satisfies(e -> assertThat(e.getCount()).isEqualTo(1))
        .satisfies(e -> assertThat(e.getFirstTimestamp()).isEqualTo("2026-11-25T10:00:30Z"));
  }

  @Test
  void listenersSeeEveryOccurrenceEvenWhenKubernetesFoldsThem() throws Exception {
    List<GroupEvent> seen = new CopyOnWriteArrayList<>();
    recorder.addListener(seen::add);
    recorder.addListener(
        e -> {
          throw new IllegalStateException("a buggy listener");
        });
    GroupEvent down = GroupEvents.frontendUnavailable(ns, "analytics", "refused", T0);
    recorder.record(down, "uid-1");
    recorder.record(at(down, T0.plusSeconds(5)), "uid-1");
    assertThat(seen).hasSize(2);
    assertThat(recorder.flush(Duration.ofSeconds(10))).isTrue();
    assertThat(events()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(2));
  }

  @Test
  void manyThreadsRecordingTheSameProblemYieldOneEventWithTheFullCount() throws Exception {
    GroupEvent down = GroupEvents.frontendUnavailable(ns, "analytics", "refused", T0);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int offset = t;
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 10; i++) {
                    recorder.record(at(down, T0.plusSeconds(offset * 10L + i)), "uid-1");
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get(10, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(recorder.flush(Duration.ofSeconds(20))).isTrue();
    assertThat(events()).singleElement().satisfies(e -> assertThat(e.getCount()).isEqualTo(40));
    EventRecorder.Stats stats = recorder.stats();
    assertThat(stats.created()).isEqualTo(1);
    assertThat(stats.updated() + stats.folded()).isEqualTo(39);
    assertThat(stats.failed() + stats.dropped()).isZero();
  }

  private StatefulSet createStatefulSet(String group) {
    StatefulSet sts =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withNamespace(ns)
            .withName(group + "-cn")
            .endMetadata()
            .withNewSpec()
            .withReplicas(1)
            .endSpec()
            .build();
    return api.client().apps().statefulSets().inNamespace(ns).resource(sts).create();
  }

  private List<Event> events() {
    return api.client().v1().events().inNamespace(ns).list().getItems().stream()
        .sorted(Comparator.comparing(Event::getFirstTimestamp))
        .toList();
  }

  private static GroupEvent at(GroupEvent e, Instant time) {
    return GroupEvent.builder().from(e).time(time).build();
  }
}
