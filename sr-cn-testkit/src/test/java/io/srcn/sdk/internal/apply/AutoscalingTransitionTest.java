package io.srcn.sdk.internal.apply;

import static io.srcn.sdk.internal.apply.ApplySpecs.NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.Plan;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.RequestLog;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Autoscaling on, off and on again: the HPA and the StatefulSet's replicas change hands. */
@CnTestkit(namespaces = NAMESPACE)
class AutoscalingTransitionTest {
  private MockKubernetes k8s;
  private KubernetesClient kube;
  private GroupApplier applier;

  @BeforeEach
  void start(MockKubernetes k8s) {
    this.k8s = k8s;
    kube = k8s.client();
    applier = new GroupApplier(kube);
  }

  private StatefulSet sts() {
    return kube.apps().statefulSets().inNamespace(NAMESPACE).withName("as-cn").get();
  }

  private boolean hpaExists() {
    return kube.autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(NAMESPACE)
            .withName("as-cn-autoscaler")
            .get()
        != null;
  }

  @Test
  void onOffOn() {
    applier.apply(ApplySpecs.autoscaled("as"));
    assertThat(hpaExists()).isTrue();

    // off: the HPA goes first, then the StatefulSet gets its replicas back, explicitly
    Plan off = applier.apply(ApplySpecs.fixed("as").replicas(4));
    assertThat(off.changes())
        .extracting(c -> c.kind() + " " + c.action())
        .containsSubsequence("HorizontalPodAutoscaler DELETE", "StatefulSet UPDATE");
    assertThat(off.change("StatefulSet").orElseThrow().changedFields()).contains("spec.replicas");
    assertThat(hpaExists()).isFalse();
    assertThat(sts().getSpec().getReplicas()).isEqualTo(4);
    assertThat(applier.apply(ApplySpecs.fixed("as").replicas(4)).hasChanges()).isFalse();

    // on again: replicas are handed to another field manager before the SDK stops sending them
    k8s.requests().reset();
    Plan on = applier.apply(ApplySpecs.autoscaled("as"));
    assertThat(on.changes())
        .extracting(c -> c.kind() + " " + c.action())
        .containsSubsequence("StatefulSet UPDATE", "HorizontalPodAutoscaler CREATE");
    assertThat(on.change("StatefulSet").orElseThrow().changedFields())
        .contains("spec.replicas (handed over to the autoscaler)");
    assertThat(handoverPatches(k8s.requests())).isEqualTo(1);
    assertThat(hpaExists()).isTrue();
    assertThat(sts().getSpec().getReplicas()).as("replicas kept through the handover").isEqualTo(4);
    assertThat(applier.apply(ApplySpecs.autoscaled("as")).hasChanges()).isFalse();
  }

  @Test
  void aNewAutoscaledGroupStartsAtItsMinimumAndKeepsItWhenTheSdkStopsSendingReplicas() {
    Plan first = applier.apply(ApplySpecs.autoscaled("as"));
    assertThat(first.action("StatefulSet")).contains(Action.CREATE);
    assertThat(sts().getSpec().getReplicas()).as("created at minReplicas, not 1").isEqualTo(2);
    assertThat(handoverPatches(k8s.requests())).isEqualTo(1);

    // the next applies leave replicas out; the handover manager keeps them
    k8s.requests().reset();
    assertThat(
            applier.apply(ApplySpecs.autoscaled("as").config("sys_log_level", "WARN")).hasChanges())
        .isTrue();
    assertThat(sts().getSpec().getReplicas()).isEqualTo(2);
    assertThat(
            applier.apply(ApplySpecs.autoscaled("as").config("sys_log_level", "WARN")).hasChanges())
        .isFalse();
  }

  @Test
  void keepingAutoscalingNeverHandsOverAgain() {
    applier.apply(ApplySpecs.autoscaled("as"));
    k8s.requests().reset();

    Plan changed = applier.apply(ApplySpecs.autoscaled("as").config("sys_log_level", "WARN"));

    assertThat(changed.action("StatefulSet")).contains(Action.UPDATE);
    assertThat(changed.change("StatefulSet").orElseThrow().changedFields())
        .doesNotContain("spec.replicas (handed over to the autoscaler)");
    assertThat(handoverPatches(k8s.requests())).isZero();
  }

  /** StatefulSet patches beyond the one per changed object: the handover. */
  private static long handoverPatches(RequestLog log) {
    return log.entries().stream()
            .filter(e -> e.verb().equals("patch") && e.resource().equals("statefulsets"))
            .count()
        - 1;
  }
}
