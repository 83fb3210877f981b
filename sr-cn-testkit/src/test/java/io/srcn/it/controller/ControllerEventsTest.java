package io.srcn.it.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Event;
import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.RequestLog;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 items 6 and 7: the controller's Kubernetes Events carry the uid of the StatefulSet its
 * pass read (the recorder never reads the StatefulSet), its metrics say when the event queue has
 * drained and how many requests the events cost, and once drained a resync makes no request.
 */
@ItCluster
class ControllerEventsTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int GROUPS = 4;
  private Cluster c;

  @BeforeEach
  void cluster(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  @Test
  void registrationEventsCarryTheCachedUidAndTheDrainedControllerMakesNoRequest() {
    try (ComputeNodeClient session = ComputeNodeClient.create(c.k8s.client())) {
      for (int i = 0; i < GROUPS; i++) {
        session.apply(c.specWithSecretCredentials("e" + i).replicas(2));
      }
      RequestLog log = c.k8s.requests();
      log.reset();
      try (ComputeNodeController controller =
          session
              .controller()
              .namespace(Cluster.NS)
              .resyncPeriod(Duration.ofMillis(200))
              .build()
              .start()) {
        for (int i = 0; i < GROUPS; i++) {
          String group = "e" + i;
          await()
              .atMost(WAIT)
              .until(
                  () ->
                      controller.status(Cluster.NS, group).map(GroupStatus::isReady).orElse(false));
        }
        await().atMost(WAIT).until(() -> controller.metrics().eventsPending() == 0);

        long eventWrites = log.count("create", "events") + log.count("patch", "events");
        assertThat(controller.metrics().eventRequests()).isEqualTo(eventWrites).isPositive();
        assertThat(controller.metrics().eventsDropped()).isZero();
        Map<String, String> uids =
            c.k8s.client().apps().statefulSets().inNamespace(Cluster.NS).list().getItems().stream()
                .collect(
                    Collectors.toMap(
                        s -> s.getMetadata().getName(), s -> s.getMetadata().getUid()));
        List<Event> registered =
            c.k8s.client().v1().events().inNamespace(Cluster.NS).list().getItems().stream()
                .filter(e -> e.getReason().equals(GroupEvent.NODE_REGISTERED))
                .toList();
        assertThat(registered).isNotEmpty();
        assertThat(registered)
            .allSatisfy(
                e ->
                    assertThat(e.getInvolvedObject().getUid())
                        .isNotBlank()
                        .isEqualTo(uids.get(e.getInvolvedObject().getName())));

        CacheDriftTest.awaitResyncs(controller, 2);
        log.reset();
        CacheDriftTest.awaitResyncs(controller, 3);
        List<RequestLog.Entry> requests =
            log.entries().stream().filter(e -> !e.verb().equals("watch")).toList();
        assertThat(requests).as("requests during 3 resyncs once the event queue drained").isEmpty();
      }
    }
  }
}
