package io.srcn.sdk.internal.apply;

import static io.srcn.sdk.internal.apply.ApplySpecs.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ObjectChange;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.Plan;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.RequestLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code spec.plan(kube)} writes nothing; delete removes the HPA first and is idempotent. */
@CnTestkit(namespaces = NAMESPACE)
class PlanAndDeleteTest {
  private MockKubernetes k8s;
  private KubernetesClient kube;
  private GroupApplier applier;

  @BeforeEach
  void start(MockKubernetes k8s) {
    this.k8s = k8s;
    kube = k8s.client();
    applier = new GroupApplier(kube);
  }

  @Test
  void planBeforeApplyListsCreatesAndWritesNothing() {
    ComputeNodeGroupSpec spec = ApplySpecs.autoscaled("p1");
    Plan plan = spec.plan(kube);

    assertThat(plan.changes()).extracting(ObjectChange::action).containsOnly(Action.CREATE);
    assertThat(plan.changes()).hasSize(5);
    assertThat(ApplyTest.writes(k8s.requests())).isZero();
    assertThat(kube.apps().statefulSets().inNamespace(NAMESPACE).withName("p1-cn").get()).isNull();
  }

  @Test
  void planAfterApplyShowsNothingThenTheChangedFields() {
    ComputeNodeGroupSpec spec = ApplySpecs.autoscaled("p2");
    applier.apply(spec);

    assertThat(spec.plan(kube).hasChanges()).isFalse();

    k8s.requests().reset();
    Plan plan = spec.config("sys_log_level", "WARN").withoutAutoscaling().plan(kube);
    assertThat(plan.change("ConfigMap").orElseThrow().changedFields())
        .containsExactly("data[cn.conf]");
    assertThat(plan.change("HorizontalPodAutoscaler").orElseThrow().action())
        .isEqualTo(Action.DELETE);
    assertThat(plan.change("StatefulSet").orElseThrow().changedFields())
        .contains("spec.replicas", "spec.template.metadata.annotations[srcn.io/config-hash]");
    assertThat(plan.change("Service").orElseThrow().action()).isEqualTo(Action.UNCHANGED);
    assertThat(ApplyTest.writes(k8s.requests())).isZero();
    assertThat(plan.toString())
        .contains("DELETE HorizontalPodAutoscaler starrocks/p2-cn-autoscaler");
  }

  @Test
  void deleteRemovesTheHpaFirstThenTheRestAndIsIdempotent() {
    applier.apply(ApplySpecs.autoscaled("d1"));
    k8s.requests().reset();

    Plan first = applier.delete(NAMESPACE, "d1");

    assertThat(first.changes())
        .extracting(c -> c.kind() + " " + c.action())
        .containsExactly(
            "HorizontalPodAutoscaler DELETE",
            "StatefulSet DELETE",
            "PodDisruptionBudget DELETE",
            "Service DELETE",
            "ConfigMap DELETE");
    assertThat(
            k8s.requests().entries().stream()
                .filter(e -> e.verb().equals("delete"))
                .map(RequestLog.Entry::resource))
        .containsExactly(
            "horizontalpodautoscalers",
            "statefulsets",
            "poddisruptionbudgets",
            "services",
            "configmaps");
    assertThat(kube.configMaps().inNamespace(NAMESPACE).withName("d1-cn-config").get()).isNull();

    k8s.requests().reset();
    Plan second = applier.delete(NAMESPACE, "d1");
    assertThat(second.changes()).extracting(ObjectChange::action).containsOnly(Action.UNCHANGED);
    assertThat(k8s.requests().count("delete", "*")).isZero();
  }

  @Test
  void deleteLeavesObjectsOfOtherOwnersAlone() {
    kube.configMaps()
        .inNamespace(NAMESPACE)
        .resource(
            new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                .withNewMetadata()
                .withName("x-cn-config")
                .withNamespace(NAMESPACE)
                .endMetadata()
                .addToData("a", "b")
                .build())
        .create();

    Plan result = applier.delete(NAMESPACE, "x");

    assertThat(result.action("ConfigMap")).contains(Action.UNCHANGED);
    assertThat(kube.configMaps().inNamespace(NAMESPACE).withName("x-cn-config").get()).isNotNull();
  }
}
