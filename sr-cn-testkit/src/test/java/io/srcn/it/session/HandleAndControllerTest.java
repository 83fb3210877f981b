package io.srcn.it.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A handle and the controller of one {@link ComputeNodeClient} session work on the same group
 * (issue 15, bugs 1 and 4): the newest spec a handle writes wins over the controller's informer
 * cache, and the two never send the same ADD or DROP twice. Both races showed in a few runs out of
 * ten, so each test repeats.
 */
@ItCluster
class HandleAndControllerTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RepeatedTest(6)
  void theNewestSpecWinsOverTheControllersCache(FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s);
        ComputeNodeClient cn = ComputeNodeClient.create(c.k8s.client());
        ComputeNodeController controller = controller(cn)) {
      ComputeNodeGroup group =
          cn.deploy(
              c.specWithSecretCredentials("g").autoscale(Autoscaling.between(1, 3).onCpu(60)));
      group.awaitReady(WAIT);
      awaitResyncs(controller, 2);

      ComputeNodeGroupSpec last = group.update(s -> s.withoutAutoscaling().replicas(3)).spec();
      awaitResyncs(controller, 5);

      StatefulSet sts =
          c.k8s
              .client()
              .apps()
              .statefulSets()
              .inNamespace(Cluster.NS)
              .withName(Names.statefulSet("g"))
              .get();
      assertThat(sts.getMetadata().getAnnotations().get(Labels.SPEC_ANNOTATION))
          .as("the recorded spec is the last one written")
          .isEqualTo(last.toCanonicalJson());
      assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
      assertThat(
              c.k8s
                  .client()
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace(Cluster.NS)
                  .withName(Names.autoscaler("g"))
                  .get())
          .as("the controller did not re-create the HPA the handle removed")
          .isNull();
    }
  }

  @RepeatedTest(6)
  void aHandleAndTheControllerNeverSendTheSameAlterTwice(FakeFrontend fe, MockKubernetes k8s) {
    try (Cluster c = new Cluster(fe, k8s);
        ComputeNodeClient cn = ComputeNodeClient.create(c.k8s.client());
        ComputeNodeController controller = controller(cn)) {
      ComputeNodeGroup group = cn.deploy(c.specWithSecretCredentials("g").replicas(3));
      group.awaitReady(WAIT);
      awaitResyncs(controller, 2);

      group.scale(1);
      await().atMost(WAIT).until(() -> c.fe.computeNodes().size() == 1);
      awaitResyncs(controller, 3);

      List<StatementRecord> alters =
          c.fe.statements().stream()
              .filter(s -> s.sql().toUpperCase(Locale.ROOT).startsWith("ALTER SYSTEM"))
              .toList();
      assertThat(alters).as("no ADD or DROP failed").noneMatch(StatementRecord::isError);
      List<String> drops =
          alters.stream()
              .map(StatementRecord::sql)
              .filter(s -> s.toUpperCase(Locale.ROOT).contains(" DROP "))
              .toList();
      assertThat(String.join("\n", drops))
          .as("each node dropped once")
          .containsOnlyOnce("g-cn-1.")
          .containsOnlyOnce("g-cn-2.");
      assertThat(c.feAddresses()).containsExactly(Cluster.fqdn("g", 0));
    }
  }

  private static ComputeNodeController controller(ComputeNodeClient cn) {
    return cn.controller()
        .namespace(Cluster.NS)
        .resyncPeriod(Duration.ofMillis(200))
        .batchWindow(Duration.ZERO)
        .build()
        .start();
  }

  private static void awaitResyncs(ComputeNodeController controller, int n) {
    long start = controller.metrics().frontendListings();
    await().atMost(WAIT).until(() -> controller.metrics().frontendListings() >= start + n);
  }
}
