package io.srcn.it.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.naming.Names;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.RequestLog;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 19 section 2: the controller decides drift of all five owned kinds from its informer
 * caches. A resync of unchanged groups makes no Kubernetes request; a deleted or edited object is
 * repaired from the watch event alone (the resync period here is ten minutes, so no resync can do
 * it).
 */
@ItCluster
class CacheDriftTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration NO_RESYNC = Duration.ofMinutes(10);
  private Cluster c;

  @BeforeEach
  void cluster(FakeFrontend fe, MockKubernetes k8s) {
    c = new Cluster(fe, k8s);
  }

  /**
   * A change made behind the controller's back: on an autoscaled group or not, the resource it
   * touches and how many patches of that resource the change itself sends (an edit is one).
   */
  enum Drift {
    HPA_DELETED(true, "horizontalpodautoscalers", 0, k -> hpa(k).delete()),
    SERVICE_PORT_EDITED(
        false,
        "services",
        1,
        k ->
            service(k)
                .edit(
                    s -> {
                      s.getSpec().getPorts().get(0).setPort(9999);
                      return s;
                    })),
    SERVICE_SELECTOR_EDITED(
        false,
        "services",
        1,
        k ->
            service(k)
                .edit(
                    s -> {
                      s.getSpec().getSelector().put("app.kubernetes.io/instance", "someone-else");
                      return s;
                    })),
    REPLICAS_SCALED_BY_HAND(
        false,
        "statefulsets",
        0,
        k -> k.apps().statefulSets().inNamespace(Cluster.NS).withName("g-cn").scale(3)),
    CONFIG_MAP_DELETED(
        false,
        "configmaps",
        0,
        k -> k.configMaps().inNamespace(Cluster.NS).withName(Names.configMap("g")).delete()),
    PDB_EDITED(
        false,
        "poddisruptionbudgets",
        1,
        k ->
            k.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(Cluster.NS)
                .withName(Names.podDisruptionBudget("g"))
                .edit(
                    p -> {
                      p.getSpec().setMaxUnavailable(new IntOrString(5));
                      return p;
                    }));

    final boolean autoscaled;
    final String resource;
    final long ownPatches;
    final Consumer<KubernetesClient> change;

    Drift(boolean autoscaled, String resource, long ownPatches, Consumer<KubernetesClient> change) {
      this.autoscaled = autoscaled;
      this.resource = resource;
      this.ownPatches = ownPatches;
      this.change = change;
    }
  }

  @ParameterizedTest
  @EnumSource(Drift.class)
  void anObjectDeletedOrEditedByHandIsRepairedFromTheWatchEvent(Drift drift) {
    ComputeNodeGroupSpec spec =
        drift.autoscaled
            ? c.specWithSecretCredentials("g").autoscale(Autoscaling.between(1, 3).onCpu(60))
            : c.specWithSecretCredentials("g").replicas(1);
    try (ComputeNodeClient session = ComputeNodeClient.create(c.k8s.client())) {
      session.deploy(spec).close();
      assertThat(spec.plan(c.k8s.client()).hasChanges()).as("deployed as rendered").isFalse();
      try (ComputeNodeController controller = controller(session, NO_RESYNC)) {
        // the handle's deploy registered the pod; a status means the controller's first pass ran
        await().atMost(WAIT).until(() -> c.feAddresses().contains(Cluster.fqdn("g", 0)));
        await().atMost(WAIT).until(() -> controller.status(Cluster.NS, "g").isPresent());
        repairs(drift, spec);
      }
    }
  }

  private void repairs(Drift drift, ComputeNodeGroupSpec spec) {
    RequestLog log = c.k8s.requests();
    log.reset();

    drift.change.accept(c.k8s.client());

    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              assertThat(log.count("patch", drift.resource))
                  .as("the controller's repair wrote " + drift.resource)
                  .isGreaterThan(drift.ownPatches);
              assertThat(spec.plan(c.k8s.client()).hasChanges()).as("back as rendered").isFalse();
            });
  }

  @Test
  void aResyncOfUnchangedGroupsMakesNoKubernetesRequest() {
    try (ComputeNodeClient session = ComputeNodeClient.create(c.k8s.client())) {
      session.deploy(c.specWithSecretCredentials("f").replicas(2)).close();
      session
          .deploy(c.specWithSecretCredentials("a").autoscale(Autoscaling.between(1, 3).onCpu(60)))
          .close();
      try (ComputeNodeController controller = controller(session, Duration.ofMillis(200))) {
        awaitReady(controller, "f");
        awaitReady(controller, "a");
        awaitResyncs(controller, 3);
        RequestLog log = c.k8s.requests();
        log.reset();

        awaitResyncs(controller, 5);

        List<RequestLog.Entry> requests =
            log.entries().stream().filter(e -> !e.verb().equals("watch")).toList();
        assertThat(requests).as("requests during 5 resyncs of unchanged groups").isEmpty();
      }
    }
  }

  private static ComputeNodeController controller(ComputeNodeClient session, Duration resync) {
    return session
        .controller()
        .namespace(Cluster.NS)
        .resyncPeriod(resync)
        .batchWindow(Duration.ZERO)
        .build()
        .start();
  }

  private static void awaitReady(ComputeNodeController controller, String group) {
    await()
        .atMost(WAIT)
        .until(() -> controller.status(Cluster.NS, group).map(GroupStatus::isReady).orElse(false));
  }

  static void awaitResyncs(ComputeNodeController controller, int n) {
    long start = controller.metrics().frontendListings();
    await().atMost(WAIT).until(() -> controller.metrics().frontendListings() >= start + n);
  }

  private static io.fabric8.kubernetes.client.dsl.Resource<
          io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler>
      hpa(KubernetesClient k) {
    return k.autoscaling()
        .v2()
        .horizontalPodAutoscalers()
        .inNamespace(Cluster.NS)
        .withName(Names.autoscaler("g"));
  }

  private static io.fabric8.kubernetes.client.dsl.ServiceResource<
          io.fabric8.kubernetes.api.model.Service>
      service(KubernetesClient k) {
    return k.services().inNamespace(Cluster.NS).withName(Names.headlessService("g"));
  }
}
