package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.GroupEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Folding of waiting events per (object, type, reason), the capacity in keys, and idleness. */
class PendingEventsTest {
  private static final String NS = "starrocks";
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

  @Test
  void aRepeatOfAWaitingEventOnlyCountsAndKeepsTheFirstAndLastTime() throws Exception {
    PendingEvents q = new PendingEvents(10);
    GroupEvent down = GroupEvents.frontendUnavailable(NS, "g", "refused", T0.plusSeconds(1));
    assertThat(q.offer(down, "uid")).isEqualTo(PendingEvents.Offer.QUEUED);
    assertThat(q.offer(at(down, T0), "uid")).isEqualTo(PendingEvents.Offer.FOLDED);
    assertThat(q.offer(at(down, T0.plusSeconds(9)), "uid")).isEqualTo(PendingEvents.Offer.FOLDED);

    PendingEvents.Batch b = q.take(0);
    assertThat(b.count()).isEqualTo(3);
    assertThat(b.first()).isEqualTo(T0);
    assertThat(b.event().time()).isEqualTo(T0.plusSeconds(9));
    assertThat(b.event().message()).isEqualTo("No FE answered: refused");
    assertThat(b.uid()).isEqualTo("uid");
  }

  @Test
  void nodeEventsOfOneGroupFoldIntoTheUnionOfTheirAddresses() throws Exception {
    PendingEvents q = new PendingEvents(10);
    q.offer(GroupEvents.nodeRegistered(NS, "g", List.of("a:9050", "b:9050"), T0), "uid");
    q.offer(GroupEvents.nodeRegistered(NS, "g", List.of("b:9050", "c:9050"), T0), "uid");
    q.offer(GroupEvents.nodeDropped(NS, "g", List.of("a:9050"), T0), "uid");
    q.offer(GroupEvents.nodeDropped(NS, "g", List.of("d:9050"), T0), "uid");

    PendingEvents.Batch registered = q.take(0);
    assertThat(registered.count()).isEqualTo(2);
    assertThat(registered.event().reason()).isEqualTo(GroupEvent.NODE_REGISTERED);
    assertThat(registered.event().addresses()).containsExactly("a:9050", "b:9050", "c:9050");
    assertThat(registered.event().message())
        .isEqualTo("Registered 3 compute nodes with the FE: a:9050, b:9050, c:9050");
    PendingEvents.Batch dropped = q.take(0);
    assertThat(dropped.event().message())
        .isEqualTo("Dropped 2 compute nodes from the FE: a:9050, d:9050");
  }

  @Test
  void otherMessagesAreCombinedAsClientGoDoesWithTheLatestMessage() throws Exception {
    PendingEvents q = new PendingEvents(10);
    q.offer(GroupEvents.frontendUnavailable(NS, "g", "refused", T0), "uid");
    q.offer(GroupEvents.frontendUnavailable(NS, "g", "timed out", T0), "uid");
    q.offer(GroupEvents.frontendUnavailable(NS, "g", "reset", T0), "uid");
    PendingEvents.Batch b = q.take(0);
    assertThat(b.count()).isEqualTo(3);
    assertThat(b.event().message())
        .isEqualTo("(combined from similar events): No FE answered: reset");
  }

  @Test
  void anotherGroupUidTypeOrReasonWaitsOnItsOwnAndTheOrderIsKept() throws Exception {
    PendingEvents q = new PendingEvents(10);
    GroupEvent a = GroupEvents.scaled(NS, "g", 1, 2, T0);
    assertThat(q.offer(a, "uid")).isEqualTo(PendingEvents.Offer.QUEUED);
    assertThat(q.offer(GroupEvents.scaled(NS, "h", 1, 2, T0), "uid"))
        .isEqualTo(PendingEvents.Offer.QUEUED);
    assertThat(q.offer(a, "uid-of-a-recreated-statefulset")).isEqualTo(PendingEvents.Offer.QUEUED);
    assertThat(q.offer(a, null)).isEqualTo(PendingEvents.Offer.QUEUED);
    assertThat(q.offer(GroupEvents.nodeDropped(NS, "g", List.of("a:1"), T0), "uid"))
        .isEqualTo(PendingEvents.Offer.QUEUED);
    assertThat(q.size()).isEqualTo(5);
    assertThat(q.take(0).event().group()).isEqualTo("g");
    assertThat(q.take(0).event().group()).isEqualTo("h");
    assertThat(q.take(0).uid()).isEqualTo("uid-of-a-recreated-statefulset");
    assertThat(q.take(0).uid()).isNull();
    assertThat(q.take(0).event().reason()).isEqualTo(GroupEvent.NODE_DROPPED);
    assertThat(q.take(0)).isNull();
  }

  @Test
  void theCapacityCountsWaitingKeysAndAWaitingKeyStillFoldsWhenFull() {
    PendingEvents q = new PendingEvents(2);
    q.offer(GroupEvents.scaled(NS, "g", 1, 2, T0), "u1");
    q.offer(GroupEvents.scaled(NS, "h", 1, 2, T0), "u2");
    assertThat(q.offer(GroupEvents.scaled(NS, "k", 1, 2, T0), "u3"))
        .isEqualTo(PendingEvents.Offer.FULL);
    assertThat(q.offer(GroupEvents.scaled(NS, "g", 2, 3, T0), "u1"))
        .isEqualTo(PendingEvents.Offer.FOLDED);
    assertThat(q.size()).isEqualTo(2);
  }

  @Test
  void idleOnlyWhenNothingWaitsAndNothingIsBeingPosted() throws Exception {
    PendingEvents q = new PendingEvents(2);
    assertThat(q.awaitIdle(0)).isTrue();
    q.offer(GroupEvents.scaled(NS, "g", 1, 2, T0), "u1");
    assertThat(q.awaitIdle(1_000_000)).isFalse();
    PendingEvents.Batch b = q.take(0);
    assertThat(b).isNotNull();
    assertThat(q.size()).isEqualTo(1);
    assertThat(q.awaitIdle(1_000_000)).isFalse();
    assertThat(q.done()).isTrue();
    assertThat(q.awaitIdle(0)).isTrue();
    assertThat(q.size()).isZero();
  }

  @Test
  void aCapacityBelowOneIsRefused() {
    assertThatThrownBy(() -> new PendingEvents(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event queue capacity must be >= 1, got 0");
  }

  private static GroupEvent at(GroupEvent e, Instant time) {
    return GroupEvent.builder().from(e).time(time).build();
  }
}
