package io.srcn.sdk.internal.status;

import static io.srcn.sdk.internal.status.StatusSamples.serving;
import static io.srcn.sdk.internal.status.StatusSamples.unreachable;
import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.NodeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotAliveTrackerTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void remembersTheFirstPassAPodWasReadyButNotAlive() {
    NotAliveTracker tracker = new NotAliveTracker();
    assertThat(tracker.update(List.of(serving(0), unreachable(1)), T0))
        .containsExactlyEntriesOf(java.util.Map.of("analytics-cn-1", T0));
    assertThat(tracker.update(List.of(serving(0), unreachable(1)), T0.plusSeconds(30)))
        .containsEntry("analytics-cn-1", T0)
        .hasSize(1);
  }

  @Test
  void forgetsAPodOnceItIsAliveNotReadyOrGoneAndRestartsOnANewAddress() {
    NotAliveTracker tracker = new NotAliveTracker();
    tracker.update(List.of(unreachable(1)), T0);
    assertThat(tracker.update(List.of(serving(1)), T0.plusSeconds(10))).isEmpty();
    assertThat(tracker.update(List.of(unreachable(1)), T0.plusSeconds(20)))
        .containsEntry("analytics-cn-1", T0.plusSeconds(20));
    NodeStatus notReady = NodeStatus.builder().from(unreachable(1)).ready(false).build();
    assertThat(tracker.update(List.of(notReady), T0.plusSeconds(30))).isEmpty();
    tracker.update(List.of(unreachable(1)), T0.plusSeconds(40));
    NodeStatus moved = NodeStatus.builder().from(unreachable(1)).address("10.0.0.9:9050").build();
    assertThat(tracker.update(List.of(moved), T0.plusSeconds(50)))
        .containsEntry("analytics-cn-1", T0.plusSeconds(50));
    assertThat(tracker.update(List.of(), T0.plusSeconds(60))).isEmpty();
  }
}
