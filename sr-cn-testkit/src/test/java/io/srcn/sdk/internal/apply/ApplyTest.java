package io.srcn.sdk.internal.apply;

import static io.srcn.sdk.internal.apply.ApplySpecs.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ObjectChange;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.Plan;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.RequestLog;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Apply on the mock API server: creation, no-op re-apply, updates, drift, ownership. */
@CnTestkit(namespaces = NAMESPACE)
class ApplyTest {
  private MockKubernetes k8s;
  private KubernetesClient kube;
  private GroupApplier applier;

  @BeforeEach
  void start(MockKubernetes k8s) {
    this.k8s = k8s;
    kube = k8s.client();
    applier = new GroupApplier(kube);
  }

  static long writes(RequestLog log) {
    return Stream.of("create", "update", "patch", "delete").mapToLong(v -> log.count(v, "*")).sum();
  }

  @Test
  void firstApplyCreatesConfigMapAndServiceBeforeTheStatefulSet() {
    Plan result = applier.apply(ApplySpecs.autoscaled("a1"));

    // the first pods find their cn.conf volume (no FailedMount): ConfigMap and Service first
    assertThat(result.changes())
        .extracting(c -> c.kind() + " " + c.name() + " " + c.action())
        .containsExactly(
            "ConfigMap a1-cn-config CREATE",
            "Service a1-cn-search CREATE",
            "StatefulSet a1-cn CREATE",
            "HorizontalPodAutoscaler a1-cn-autoscaler CREATE",
            "PodDisruptionBudget a1-cn-pdb CREATE");
    List<String> writes =
        k8s.requests().entries().stream()
            .filter(e -> e.verb().equals("patch"))
            .map(e -> e.resource() + " " + e.name())
            .toList();
    assertThat(writes)
        .containsSubsequence(
            "configmaps a1-cn-config",
            "services a1-cn-search",
            "statefulsets a1-cn",
            "horizontalpodautoscalers a1-cn-autoscaler",
            "poddisruptionbudgets a1-cn-pdb");
    assertThat(writes.indexOf("statefulsets a1-cn"))
        .isGreaterThan(writes.indexOf("configmaps a1-cn-config"));
    // five objects, the replicas handover, and the ownerReferences of ConfigMap and Service
    assertThat(k8s.requests().count("patch", "*")).isEqualTo(8);
    assertThat(kube.configMaps().inNamespace(NAMESPACE).withName("a1-cn-config").get()).isNotNull();
    assertThat(
            kube.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(NAMESPACE)
                .withName("a1-cn-autoscaler")
                .get())
        .isNotNull();
    assertThat(applier.apply(ApplySpecs.autoscaled("a1")).hasChanges()).isFalse();
  }

  @Test
  void everyOtherObjectIsOwnedByTheStatefulSet() {
    applier.apply(ApplySpecs.autoscaled("own"));
    StatefulSet sts = kube.apps().statefulSets().inNamespace(NAMESPACE).withName("own-cn").get();
    List<HasMetadata> others =
        List.of(
            kube.configMaps().inNamespace(NAMESPACE).withName("own-cn-config").get(),
            kube.services().inNamespace(NAMESPACE).withName("own-cn-search").get(),
            kube.autoscaling()
                .v2()
                .horizontalPodAutoscalers()
                .inNamespace(NAMESPACE)
                .withName("own-cn-autoscaler")
                .get(),
            kube.policy()
                .v1()
                .podDisruptionBudget()
                .inNamespace(NAMESPACE)
                .withName("own-cn-pdb")
                .get());
    for (HasMetadata o : others) {
      assertThat(o.getMetadata().getOwnerReferences())
          .as(o.getKind())
          .singleElement()
          .satisfies(r -> assertThat(r.getUid()).isEqualTo(sts.getMetadata().getUid()));
    }
  }

  @Test
  void reApplyingAnUnchangedSpecWritesNothing() {
    ComputeNodeGroupSpec spec = ApplySpecs.autoscaled("noop");
    applier.apply(spec);
    k8s.requests().reset();

    Plan again = applier.apply(spec);

    assertThat(again.hasChanges()).isFalse();
    assertThat(again.changes()).extracting(ObjectChange::action).containsOnly(Action.UNCHANGED);
    assertThat(writes(k8s.requests())).isZero();
    assertThat(k8s.requests().countsByVerb()).containsOnlyKeys("get");
  }

  @Test
  void reApplyingAfterTheStatefulSetRolledOutStillWritesNothing() {
    ComputeNodeGroupSpec spec = ApplySpecs.fixed("rolled");
    applier.apply(spec);
    org.awaitility.Awaitility.await()
        .until(
            () ->
                kube.apps()
                            .statefulSets()
                            .inNamespace(NAMESPACE)
                            .withName("rolled-cn")
                            .get()
                            .getStatus()
                        != null
                    && Integer.valueOf(3)
                        .equals(
                            kube.apps()
                                .statefulSets()
                                .inNamespace(NAMESPACE)
                                .withName("rolled-cn")
                                .get()
                                .getStatus()
                                .getReadyReplicas()));
    k8s.requests().reset();

    assertThat(applier.apply(spec).hasChanges()).isFalse();
    assertThat(writes(k8s.requests())).isZero();
  }

  @Test
  void aChangedImageUpdatesOnlyTheStatefulSet() {
    ComputeNodeGroupSpec spec = ApplySpecs.fixed("img");
    applier.apply(spec);
    k8s.requests().reset();

    Plan result = applier.apply(spec.image("starrocks/cn-ubuntu:3.3.6"));

    assertThat(result.change("StatefulSet").orElseThrow().changedFields())
        .contains("spec.template.spec.containers[cn].image");
    assertThat(result.changes())
        .filteredOn(ObjectChange::isWrite)
        .extracting(ObjectChange::kind)
        .containsExactly("StatefulSet");
    assertThat(writes(k8s.requests())).isEqualTo(1);
    assertThat(
            kube.apps()
                .statefulSets()
                .inNamespace(NAMESPACE)
                .withName("img-cn")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getImage())
        .isEqualTo("starrocks/cn-ubuntu:3.3.6");
  }

  @Test
  void aRemovedFieldIsDetectedAndReapplied() {
    ComputeNodeGroupSpec spec = ApplySpecs.fixed("rm").env("TZ", "UTC");
    applier.apply(spec);

    Plan result = applier.apply(ApplySpecs.fixed("rm"));

    assertThat(result.action("StatefulSet")).contains(Action.UPDATE);
    assertThat(result.change("StatefulSet").orElseThrow().changedFields())
        .anyMatch(p -> p.startsWith("spec.template.spec.containers[cn].env"));
    assertThat(
            kube.apps()
                .statefulSets()
                .inNamespace(NAMESPACE)
                .withName("rm-cn")
                .get()
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv())
        .noneMatch(e -> e.getName().equals("TZ"));
    assertThat(applier.apply(ApplySpecs.fixed("rm")).hasChanges()).isFalse();
  }

  @Test
  void driftOnAFieldTheSdkSetsIsRepaired() {
    ComputeNodeGroupSpec spec = ApplySpecs.fixed("drift");
    applier.apply(spec);
    kube.configMaps()
        .inNamespace(NAMESPACE)
        .withName("drift-cn-config")
        .edit(
            cm -> {
              cm.getData().put("cn.conf", "tampered = 1\n");
              return cm;
            });

    Plan result = applier.apply(spec);

    assertThat(result.change("ConfigMap").orElseThrow().changedFields())
        .containsExactly("data[cn.conf]");
    assertThat(
            kube.configMaps()
                .inNamespace(NAMESPACE)
                .withName("drift-cn-config")
                .get()
                .getData()
                .get("cn.conf"))
        .contains("sys_log_level = INFO");
  }
}
