package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettlingTest {
  private static Optional<StatefulSet> sts(Integer replicas) {
    return Optional.of(
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName("g-cn")
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .endSpec()
            .build());
  }

  private static Pod pod(int ordinal, boolean ready, boolean terminating) {
    return new PodBuilder()
        .withNewMetadata()
        .withName("g-cn-" + ordinal)
        .withDeletionTimestamp(terminating ? "2026-12-03T07:00:00Z" : null)
        .endMetadata()
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .endStatus()
        .build();
  }

  @Test
  void settledWhenEveryDesiredPodIsReadyAndNoneGoes() {
    assertThat(
            Settling.settling(
                sts(3), List.of(pod(0, true, false), pod(1, true, false), pod(2, true, false))))
        .isFalse();
    assertThat(Settling.settling(sts(null), List.of(pod(0, true, false)))).isFalse();
    assertThat(Settling.settling(sts(0), List.of())).isFalse();
  }

  @Test
  void settlingWhilePodsStartAreMissingOrGo() {
    // a scale-out whose last pod is not Ready yet
    assertThat(
            Settling.settling(
                sts(3), List.of(pod(0, true, false), pod(1, true, false), pod(2, false, false))))
        .isTrue();
    // a scale-out whose pods are not created yet
    assertThat(Settling.settling(sts(3), List.of(pod(0, true, false)))).isTrue();
    // a scale-in whose pods are still there, or terminating
    assertThat(Settling.settling(sts(1), List.of(pod(0, true, false), pod(1, true, false))))
        .isTrue();
    assertThat(Settling.settling(sts(1), List.of(pod(0, true, false), pod(1, true, true))))
        .isTrue();
    // a pod replaced in place (upgrade, crash): terminating, then not Ready
    assertThat(Settling.settling(sts(1), List.of(pod(0, true, true)))).isTrue();
    assertThat(Settling.settling(sts(1), List.of(pod(0, false, false)))).isTrue();
    // a group being created or deleted
    assertThat(Settling.settling(Optional.empty(), List.of(pod(0, true, false)))).isTrue();
  }
}
