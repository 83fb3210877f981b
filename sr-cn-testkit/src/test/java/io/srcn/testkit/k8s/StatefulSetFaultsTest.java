package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatefulSetFaultsTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private MockKubernetes k8s;
  private KubernetesClient client;

  @BeforeEach
  void start() {
    k8s = MockKubernetes.builder().namespaces("ns").build().start();
    client = k8s.client();
  }

  @AfterEach
  void stop() {
    k8s.close();
  }

  private StatefulSet deploy(String name, int replicas, String policy) {
    client
        .resource(Fixtures.statefulSet(name, replicas, policy))
        .inNamespace("ns")
        .serverSideApply();
    return client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName(name)
        .waitUntilReady(10, TimeUnit.SECONDS);
  }

  private Pod pod(String name) {
    return client.pods().inNamespace("ns").withName(name).get();
  }

  private static boolean ready(Pod p) {
    return p != null
        && p.getStatus().getConditions().stream()
            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
  }

  @Test
  void orderedReadyCreatesOnePodAtATime() {
    deploy("o", 3, "OrderedReady");

    List<Transition> history = k8s.statefulSets().history();
    Transition ready0 =
        history.stream()
            .filter(t -> t.type() == Transition.Type.POD_READY && t.name().equals("o-0"))
            .findFirst()
            .orElseThrow();
    Transition created1 =
        history.stream()
            .filter(t -> t.type() == Transition.Type.POD_CREATED && t.name().equals("o-1"))
            .findFirst()
            .orElseThrow();
    Transition ready1 =
        history.stream()
            .filter(t -> t.type() == Transition.Type.POD_READY && t.name().equals("o-1"))
            .findFirst()
            .orElseThrow();
    Transition created2 =
        history.stream()
            .filter(t -> t.type() == Transition.Type.POD_CREATED && t.name().equals("o-2"))
            .findFirst()
            .orElseThrow();
    assertThat(created1.time()).isAfterOrEqualTo(ready0.time());
    assertThat(created2.time()).isAfterOrEqualTo(ready1.time());
  }

  @Test
  void templateChangeRollsPodsHighestOrdinalFirst() {
    StatefulSet before = deploy("r", 3, "Parallel");
    String oldRevision = before.getStatus().getUpdateRevision();
    k8s.statefulSets().clearHistory();

    StatefulSet changed = Fixtures.statefulSet("r", 3, "Parallel");
    changed
        .getSpec()
        .getTemplate()
        .getSpec()
        .getContainers()
        .get(0)
        .setImage("starrocks/cn-ubuntu:3.3.6");
    client.resource(changed).inNamespace("ns").serverSideApply();

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              StatefulSet sts = client.apps().statefulSets().inNamespace("ns").withName("r").get();
              assertThat(sts.getStatus().getUpdateRevision()).isNotEqualTo(oldRevision);
              assertThat(sts.getStatus().getUpdatedReplicas()).isEqualTo(3);
              assertThat(sts.getStatus().getReadyReplicas()).isEqualTo(3);
              assertThat(sts.getStatus().getCurrentRevision())
                  .isEqualTo(sts.getStatus().getUpdateRevision());
              assertThat(sts.getStatus().getObservedGeneration())
                  .isEqualTo(sts.getMetadata().getGeneration());
            });
    assertThat(k8s.statefulSets().history())
        .filteredOn(t -> t.type() == Transition.Type.POD_TERMINATING)
        .extracting(Transition::name)
        .containsExactly("r-2", "r-1", "r-0");
    assertThat(pod("r-0").getSpec().getContainers().get(0).getImage())
        .isEqualTo("starrocks/cn-ubuntu:3.3.6");
  }

  @Test
  void reapplyingTheSameTemplateDoesNotRoll() {
    StatefulSet before = deploy("same", 2, "Parallel");
    client
        .resource(Fixtures.statefulSet("same", 2, "Parallel"))
        .inNamespace("ns")
        .serverSideApply();

    StatefulSet after = client.apps().statefulSets().inNamespace("ns").withName("same").get();
    assertThat(after.getStatus().getUpdateRevision())
        .isEqualTo(before.getStatus().getUpdateRevision());
    assertThat(after.getMetadata().getGeneration()).isEqualTo(before.getMetadata().getGeneration());
  }

  @Test
  void crashedPodRestartsAndBecomesReadyAgain() {
    deploy("c", 1, "Parallel");

    k8s.statefulSets().crashPod("ns", "c-0");

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(pod("c-0").getStatus().getContainerStatuses().get(0).getRestartCount())
                    .isEqualTo(1));
    await().atMost(WAIT).until(() -> ready(pod("c-0")));
    assertThat(k8s.statefulSets().history())
        .extracting(Transition::type)
        .containsSubsequence(
            Transition.Type.POD_READY,
            Transition.Type.POD_RESTARTED,
            Transition.Type.POD_NOT_READY,
            Transition.Type.POD_READY);
    assertThat(
            pod("c-0")
                .getStatus()
                .getContainerStatuses()
                .get(0)
                .getLastState()
                .getTerminated()
                .getExitCode())
        .isEqualTo(137);
  }

  @Test
  void failingReadinessKeepsThePodNotReadyUntilCleared() {
    deploy("f", 2, "Parallel");

    k8s.statefulSets().failReadiness("ns", "f-1", true);
    await().atMost(WAIT).until(() -> !ready(pod("f-1")));
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(
                        client
                            .apps()
                            .statefulSets()
                            .inNamespace("ns")
                            .withName("f")
                            .get()
                            .getStatus()
                            .getReadyReplicas())
                    .isEqualTo(1));
    assertThat(k8s.reachability().test("f-1.f-search.ns.svc.cluster.local")).isFalse();
    assertThat(k8s.reachability().test("f-0.f-search.ns.svc.cluster.local:9050")).isTrue();

    k8s.statefulSets().failReadiness("ns", "f-1", false);
    await().atMost(WAIT).until(() -> ready(pod("f-1")));
  }

  @Test
  void deletedPodIsRecreatedWithANewIp() {
    deploy("d", 2, "Parallel");
    Pod old = pod("d-1");

    k8s.statefulSets().deletePod("ns", "d-1");

    await()
        .atMost(WAIT)
        .until(
            () -> {
              Pod p = pod("d-1");
              return p != null
                  && !p.getMetadata().getUid().equals(old.getMetadata().getUid())
                  && ready(p);
            });
    assertThat(pod("d-1").getStatus().getPodIP()).isNotEqualTo(old.getStatus().getPodIP());
    assertThat(k8s.dnsResolver().apply("d-1.d-search.ns.svc.cluster.local"))
        .contains(pod("d-1").getStatus().getPodIP());
  }

  @Test
  void frozenSimulatorChangesNothingUntilResumed() {
    deploy("z", 1, "Parallel");
    k8s.statefulSets().freeze(true);

    client.apps().statefulSets().inNamespace("ns").withName("z").scale(3);

    await()
        .during(Duration.ofMillis(300))
        .atMost(WAIT)
        .until(() -> client.pods().inNamespace("ns").list().getItems().size() == 1);
    k8s.statefulSets().freeze(false);
    client
        .apps()
        .statefulSets()
        .inNamespace("ns")
        .withName("z")
        .waitUntilReady(10, TimeUnit.SECONDS);
    assertThat(client.pods().inNamespace("ns").list().getItems()).hasSize(3);
  }
}
