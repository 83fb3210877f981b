package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Event;
import io.srcn.sdk.GroupEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class KubernetesEventsTest {
  private static final Instant T = Instant.parse("2026-11-25T10:00:00.987654321Z");

  @Test
  void eventPointsAtTheStatefulSetWithUidAndCarriesTheGroupLabels() {
    GroupEvent e =
        GroupEvents.nodeRegistered("starrocks", "analytics", List.of("10.0.0.1:9050"), T);
    Event k = KubernetesEvents.create(e, "analytics-cn.abc", "uid-7", "controller-0");
    assertThat(k.getMetadata().getName()).isEqualTo("analytics-cn.abc");
    assertThat(k.getMetadata().getNamespace()).isEqualTo("starrocks");
    assertThat(k.getMetadata().getLabels())
        .containsEntry("app.kubernetes.io/instance", "analytics")
        .containsEntry("app.kubernetes.io/managed-by", "sr-cn-sdk");
    assertThat(k.getInvolvedObject().getApiVersion()).isEqualTo("apps/v1");
    assertThat(k.getInvolvedObject().getKind()).isEqualTo("StatefulSet");
    assertThat(k.getInvolvedObject().getName()).isEqualTo("analytics-cn");
    assertThat(k.getInvolvedObject().getNamespace()).isEqualTo("starrocks");
    assertThat(k.getInvolvedObject().getUid()).isEqualTo("uid-7");
    assertThat(k.getType()).isEqualTo("Normal");
    assertThat(k.getReason()).isEqualTo("NodeRegistered");
    assertThat(k.getMessage()).isEqualTo("Registered 1 compute node with the FE: 10.0.0.1:9050");
    assertThat(k.getCount()).isEqualTo(1);
    assertThat(k.getFirstTimestamp()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(k.getLastTimestamp()).isEqualTo("2026-11-25T10:00:00Z");
    assertThat(k.getSource().getComponent()).isEqualTo("sr-cn-sdk");
    assertThat(k.getReportingComponent()).isEqualTo("sr-cn-sdk");
    assertThat(k.getReportingInstance()).isEqualTo("controller-0");
  }

  @Test
  void longMessagesAreClippedTo1024Characters() {
    assertThat(KubernetesEvents.clip("x".repeat(1024))).hasSize(1024).doesNotEndWith("...");
    assertThat(KubernetesEvents.clip("x".repeat(5000))).hasSize(1024).endsWith("...");
  }

  @Test
  void repeatPatchSetsCountAndLastTimestamp() {
    assertThat(KubernetesEvents.repeat(4, T))
        .containsExactly(entry("count", 4), entry("lastTimestamp", "2026-11-25T10:00:00Z"));
  }
}
