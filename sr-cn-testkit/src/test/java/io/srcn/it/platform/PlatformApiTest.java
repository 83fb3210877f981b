package io.srcn.it.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.ConditionReason;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupObjectNames;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The API a platform reaches for (issue 15): listing groups, every object name from the public API,
 * typed status questions and the two resize paths, on the testkit.
 */
@CnTestkit(namespaces = {"tenants", "team-a", "team-b"})
class PlatformApiTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private static ComputeNodeGroupSpec tenant(String name, String namespace, Frontend fe) {
    return ComputeNodeGroups.create(name)
        .inNamespace(namespace)
        .image("starrocks/cn-ubuntu:3.3.5")
        .terminationGracePeriod(Duration.ofSeconds(1))
        .registerWith(fe);
  }

  @Test
  void listsTheGroupsOfANamespaceAndOfAllNamespaces(KubernetesClient client, Frontend fe) {
    try (ComputeNodeGroup b = tenant("beta", "team-a", fe).deploy(client);
        ComputeNodeGroup a = tenant("alpha", "team-a", fe).replicas(2).deploy(client);
        ComputeNodeGroup c = tenant("gamma", "team-b", fe).deploy(client)) {

      List<ComputeNodeGroupSpec> teamA = ComputeNodeGroups.list(client, "team-a");
      assertThat(teamA).extracting(ComputeNodeGroupSpec::name).containsExactly("alpha", "beta");
      assertThat(teamA.get(0).replicas()).isEqualTo(2);
      assertThat(ComputeNodeGroups.list(client, "nobody")).isEmpty();

      assertThat(ComputeNodeGroups.listInAnyNamespace(client))
          .extracting(s -> s.namespace() + "/" + s.name())
          .containsExactly("team-a/alpha", "team-a/beta", "team-b/gamma");
    }
    assertThatThrownBy(() -> ComputeNodeGroups.list(client, " "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("namespace")
        .hasMessageContaining("listInAnyNamespace");
  }

  @Test
  void everyObjectNameComesFromThePublicApi(
      FakeFrontend fe, MockKubernetes k8s, KubernetesClient client, Frontend frontend) {
    ComputeNodeGroupSpec spec =
        tenant("acme", "tenants", frontend).autoscale(Autoscaling.between(1, 3).onCpu(60));
    try (ComputeNodeGroup group = spec.deploy(client)) {
      group.awaitReady(WAIT);
      GroupObjectNames names = group.objectNames();

      assertThat(names).isEqualTo(spec.objectNames());
      assertThat(names).isEqualTo(ComputeNodeGroups.objectNames("tenants", "acme"));
      assertThat(client.apps().statefulSets().inNamespace("tenants").withName(names.statefulSet()))
          .satisfies(r -> assertThat(r.get()).isNotNull());
      assertThat(client.services().inNamespace("tenants").withName(names.headlessService()).get())
          .isNotNull();
      assertThat(client.configMaps().inNamespace("tenants").withName(names.configMap()).get())
          .isNotNull();
      assertThat(
              client
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace("tenants")
                  .withName(names.autoscaler())
                  .get())
          .isNotNull();
      assertThat(client.pods().inNamespace("tenants").withName(names.pod(0)).get()).isNotNull();
      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::address)
          .containsExactly(names.podFqdn(0) + ":9050");

      // the simulators take the StatefulSet name: no hard-coded "acme-cn"
      k8s.hpa().setCpuUtilization("tenants", names.statefulSet(), 200);
      k8s.hpa().tick(Duration.ofSeconds(15));
      await()
          .atMost(WAIT)
          .untilAsserted(
              () ->
                  assertThat(client.pods().inNamespace("tenants").withName(names.pod(2)).get())
                      .isNotNull());
    }
  }

  @Test
  void scaleBetweenMovesAnAutoscaledGroupsBoundsAndKeepsItsMetrics(
      KubernetesClient client, Frontend frontend) {
    ComputeNodeGroupSpec spec =
        tenant("acme", "tenants", frontend).autoscale(Autoscaling.between(1, 4).onCpu(60));
    try (ComputeNodeGroup group = spec.deploy(client)) {
      group.scaleBetween(2, 6);

      assertThat(group.spec().autoscaling().orElseThrow())
          .satisfies(a -> assertThat(a.minReplicas()).isEqualTo(2))
          .satisfies(a -> assertThat(a.maxReplicas()).isEqualTo(6))
          .satisfies(a -> assertThat(a.cpuUtilization()).hasValue(60));
      HorizontalPodAutoscaler hpa =
          client
              .autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace("tenants")
              .withName(group.objectNames().autoscaler())
              .get();
      assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(2);
      assertThat(hpa.getSpec().getMaxReplicas()).isEqualTo(6);

      assertThatThrownBy(() -> group.scaleBetween(5, 3)).isInstanceOf(InvalidSpecException.class);
      assertThatThrownBy(() -> group.scale(3))
          .isInstanceOf(InvalidSpecException.class)
          .hasMessageContaining("autoscales");
    }
  }

  @Test
  void scaleBetweenOnAFixedSizeGroupPointsToScale(KubernetesClient client, Frontend frontend) {
    try (ComputeNodeGroup group = tenant("fixed", "tenants", frontend).deploy(client)) {
      assertThatThrownBy(() -> group.scaleBetween(1, 3))
          .isInstanceOf(InvalidSpecException.class)
          .hasMessageContaining("fixed size of 1")
          .hasMessageContaining("scale(n)");
      assertThat(group.spec().autoscaling()).isEmpty();
    }
  }

  @Test
  void typedStatusQuestionsAnswerSuspendedScalingAndDegraded(
      FakeFrontend fe, KubernetesClient client, Frontend frontend) {
    try (ComputeNodeGroup group = tenant("acme", "tenants", frontend).replicas(2).deploy(client)) {
      GroupStatus ready = group.awaitReady(WAIT);
      assertThat(ready.isSuspended()).isFalse();
      assertThat(ready.isScaling()).isFalse();
      assertThat(ready.scalingReason()).isEmpty();
      assertThat(ready.isDegraded()).isFalse();
      assertThat(ready.degradedReason()).isEmpty();

      group.suspend();
      GroupStatus suspended = group.reconcile();
      assertThat(suspended.isSuspended()).isTrue();
      group.resume();
      assertThat(group.awaitReady(WAIT).isSuspended()).isFalse();

      fe.refuseLogins(true);
      fe.dropAllConnections();
      GroupStatus degraded = group.reconcile();
      assertThat(degraded.isDegraded()).isTrue();
      // the reason is one of the documented constants (which one is issue 15's bug 5)
      assertThat(degraded.degradedReason()).isPresent();
      assertThat(degraded.degradedReason().orElseThrow())
          .isNotIn(ConditionReason.HEALTHY, ConditionReason.ALL_NODES_SERVING);
    }
  }
}
