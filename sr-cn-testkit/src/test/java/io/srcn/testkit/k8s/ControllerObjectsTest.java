package io.srcn.testkit.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 item 9: what the cluster's controllers add that clients see: Endpoints and
 * EndpointSlices, ControllerRevisions, StatefulSet events and PDB status.
 */
class ControllerObjectsTest {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @Test
  void endpointsAndSlicesFollowPodReadinessAndPublishNotReadyAddresses() {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      KubernetesClient c = k8s.client();
      c.resource(Fixtures.statefulSet("cn", 2, "Parallel")).inNamespace("default").create();
      c.resource(service("cn-search", false)).inNamespace("default").create();
      c.resource(service("cn-all", true)).inNamespace("default").create();
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(ready(c, "cn-search")).containsExactlyInAnyOrder("cn-0", "cn-1"));
      Endpoints ep = ep(c, "cn-search");
      assertThat(ep.getSubsets().get(0).getAddresses())
          .allSatisfy(a -> assertThat(a.getIp()).isNotBlank())
          .extracting(EndpointAddress::getHostname)
          .containsExactlyInAnyOrder("cn-0", "cn-1");
      assertThat(ep.getSubsets().get(0).getPorts())
          .singleElement()
          .satisfies(p -> assertThat(p.getPort()).isEqualTo(9050));
      assertThat(ep.getMetadata().getLabels()).containsEntry("service.kubernetes.io/headless", "");

      k8s.statefulSets().failReadiness("default", "cn-1", true);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(ready(c, "cn-search")).containsExactly("cn-0");
                assertThat(notReady(c, "cn-search")).containsExactly("cn-1");
                // publishNotReadyAddresses: every pod is an address
                assertThat(ready(c, "cn-all")).containsExactlyInAnyOrder("cn-0", "cn-1");
                EndpointSlice slice = slice(c, "cn-search");
                assertThat(slice).isNotNull();
                assertThat(slice.getEndpoints())
                    .extracting(e -> e.getTargetRef().getName(), e -> e.getConditions().getReady())
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("cn-0", true),
                        org.assertj.core.groups.Tuple.tuple("cn-1", false));
              });
      EndpointSlice slice = slice(c, "cn-search");
      assertThat(slice.getMetadata().getName()).startsWith("cn-search-");
      assertThat(slice.getAddressType()).isEqualTo("IPv4");
      assertThat(slice.getMetadata().getLabels())
          .containsEntry(
              "endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
      assertThat(slice.getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(o -> assertThat(o.getKind()).isEqualTo("Service"));
    }
  }

  @Test
  void controllerRevisionsEventsAndPdbStatus() {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      KubernetesClient c = k8s.client();
      c.resource(
              new PodDisruptionBudgetBuilder()
                  .withNewMetadata()
                  .withName("cn")
                  .endMetadata()
                  .withNewSpec()
                  .withMaxUnavailable(new IntOrString(1))
                  .withNewSelector()
                  .addToMatchLabels("app", "cn")
                  .endSelector()
                  .endSpec()
                  .build())
          .inNamespace("default")
          .create();
      c.resource(Fixtures.statefulSet("cn", 3, "Parallel")).inNamespace("default").create();
      var sts = c.apps().statefulSets().inNamespace("default").withName("cn");
      sts.waitUntilReady(15, java.util.concurrent.TimeUnit.SECONDS);
      await().atMost(WAIT).untilAsserted(() -> assertThat(pdb(c)).isEqualTo(status(3, 2, 3, 1)));

      List<ControllerRevision> revisions = revisions(c);
      assertThat(revisions)
          .singleElement()
          .satisfies(r -> assertThat(r.getRevision()).isEqualTo(1));
      StatefulSet s = sts.get();
      String first = revisions.get(0).getMetadata().getName();
      assertThat(first).startsWith("cn-");
      assertThat(s.getStatus().getCurrentRevision()).isEqualTo(first);
      assertThat(s.getStatus().getUpdateRevision()).isEqualTo(first);
      assertThat(revisions.get(0).getMetadata().getOwnerReferences())
          .singleElement()
          .satisfies(o -> assertThat(o.getController()).isTrue());

      k8s.statefulSets().failReadiness("default", "cn-2", true);
      await().atMost(WAIT).untilAsserted(() -> assertThat(pdb(c)).isEqualTo(status(2, 2, 3, 0)));
      k8s.statefulSets().failReadiness("default", "cn-2", false);

      // a new template: revision 2, rolled out
      sts.patch(
          io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
              io.fabric8.kubernetes.client.dsl.base.PatchType.STRATEGIC_MERGE),
          "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"cn\","
              + "\"image\":\"starrocks/cn-ubuntu:3.3.6\"}]}}}}");
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(revisions(c))
                    .extracting(ControllerRevision::getRevision)
                    .containsExactlyInAnyOrder(1L, 2L);
                StatefulSet now = sts.get();
                String second =
                    revisions(c).stream()
                        .filter(r -> r.getRevision() == 2L)
                        .findFirst()
                        .orElseThrow()
                        .getMetadata()
                        .getName();
                assertThat(now.getStatus().getUpdateRevision()).isEqualTo(second);
                assertThat(now.getStatus().getCurrentRevision()).isEqualTo(second);
              });

      sts.scale(2);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(events(c))
                      .contains(
                          "SuccessfulCreate create Pod cn-0 in StatefulSet cn successful",
                          "SuccessfulCreate create Pod cn-2 in StatefulSet cn successful",
                          "SuccessfulDelete delete Pod cn-2 in StatefulSet cn successful"));
      Event e = c.v1().events().inNamespace("default").list().getItems().get(0);
      assertThat(e.getSource().getComponent()).isEqualTo("statefulset-controller");
      assertThat(e.getInvolvedObject().getKind()).isEqualTo("StatefulSet");
      assertThat(e.getType()).isEqualTo("Normal");
    }
  }

  @Test
  void revisionsBeyondTheHistoryLimitArePruned() {
    try (MockKubernetes k8s = MockKubernetes.create().start()) {
      KubernetesClient c = k8s.client();
      StatefulSet s = Fixtures.statefulSet("cn", 1, "Parallel");
      s.getSpec().setRevisionHistoryLimit(2);
      c.resource(s).inNamespace("default").create();
      var sts = c.apps().statefulSets().inNamespace("default").withName("cn");
      for (int i = 1; i <= 5; i++) {
        sts.waitUntilReady(15, java.util.concurrent.TimeUnit.SECONDS);
        sts.patch(
            io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.STRATEGIC_MERGE),
            "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"cn\","
                + "\"image\":\"starrocks/cn-ubuntu:3.3."
                + (10 + i)
                + "\"}]}}}}");
        int round = i;
        await()
            .atMost(WAIT)
            .untilAsserted(
                () ->
                    assertThat(revisions(c))
                        .extracting(ControllerRevision::getRevision)
                        .contains(1L + round));
      }
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(revisions(c))
                      .extracting(ControllerRevision::getRevision)
                      .hasSizeLessThanOrEqualTo(4)
                      .contains(6L)
                      .doesNotContain(1L, 2L));
    }
  }

  private static io.fabric8.kubernetes.api.model.Service service(String name, boolean publish) {
    return new ServiceBuilder()
        .withNewMetadata()
        .withName(name)
        .endMetadata()
        .withNewSpec()
        .withClusterIP("None")
        .withPublishNotReadyAddresses(publish)
        .addToSelector("app", "cn")
        .addNewPort()
        .withName("heartbeat")
        .withPort(9050)
        .endPort()
        .endSpec()
        .build();
  }

  private static Endpoints ep(KubernetesClient c, String name) {
    return c.endpoints().inNamespace("default").withName(name).get();
  }

  /** The ready addresses' pods (none while the Endpoints or its subset do not exist yet). */
  private static List<String> ready(KubernetesClient c, String svc) {
    Endpoints e = ep(c, svc);
    return e == null || e.getSubsets().isEmpty()
        ? List.of()
        : addresses(e.getSubsets().get(0).getAddresses());
  }

  private static List<String> notReady(KubernetesClient c, String svc) {
    Endpoints e = ep(c, svc);
    return e == null || e.getSubsets().isEmpty()
        ? List.of()
        : addresses(e.getSubsets().get(0).getNotReadyAddresses());
  }

  private static EndpointSlice slice(KubernetesClient c, String svc) {
    return c
        .discovery()
        .v1()
        .endpointSlices()
        .inNamespace("default")
        .withLabel("kubernetes.io/service-name", svc)
        .list()
        .getItems()
        .stream()
        .findFirst()
        .orElse(null);
  }

  private static List<String> addresses(List<EndpointAddress> list) {
    return list == null ? List.of() : list.stream().map(a -> a.getTargetRef().getName()).toList();
  }

  private static PodDisruptionBudgetStatus pdb(KubernetesClient c) {
    PodDisruptionBudgetStatus s =
        c.policy()
            .v1()
            .podDisruptionBudget()
            .inNamespace("default")
            .withName("cn")
            .get()
            .getStatus();
    return s == null
        ? null
        : status(
            s.getCurrentHealthy(),
            s.getDesiredHealthy(),
            s.getExpectedPods(),
            s.getDisruptionsAllowed());
  }

  private static PodDisruptionBudgetStatus status(
      int healthy, int desired, int expected, int allowed) {
    PodDisruptionBudgetStatus s = new PodDisruptionBudgetStatus();
    s.setCurrentHealthy(healthy);
    s.setDesiredHealthy(desired);
    s.setExpectedPods(expected);
    s.setDisruptionsAllowed(allowed);
    return s;
  }

  private static List<ControllerRevision> revisions(KubernetesClient c) {
    return c.apps().controllerRevisions().inNamespace("default").list().getItems();
  }

  private static List<String> events(KubernetesClient c) {
    return c.v1().events().inNamespace("default").list().getItems().stream()
        .map(e -> e.getReason() + " " + e.getMessage())
        .toList();
  }
}
