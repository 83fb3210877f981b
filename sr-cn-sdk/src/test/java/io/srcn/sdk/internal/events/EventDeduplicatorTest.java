package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventDeduplicatorTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final EventKey A = key("NodeRegistered", "Registered a:9050");
  private static final EventKey B = key("NodeDropped", "Dropped a:9050");

  @Test
  void aRepeatWithinTheWindowFindsThePostedEvent() {
    EventDeduplicator d = new EventDeduplicator(Duration.ofMinutes(10), 10);
    assertThat(d.existing(A, T0)).isEmpty();
    d.remember(A, "g-cn.1", 1, T0);
    assertThat(d.existing(A, T0.plusSeconds(599)))
        .contains(new EventDeduplicator.Posted("g-cn.1", 1, T0));
    assertThat(d.existing(B, T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void theWindowSlidesWithEachRepeatAndExpiresAfterQuiet() {
    EventDeduplicator d = new EventDeduplicator(Duration.ofMinutes(10), 10);
    d.remember(A, "g-cn.1", 1, T0);
    d.remember(A, "g-cn.1", 2, T0.plusSeconds(540));
    assertThat(d.existing(A, T0.plusSeconds(1000))).isPresent();
    assertThat(d.existing(A, T0.plusSeconds(540 + 600))).isEmpty();
    assertThat(d.size()).isZero();
  }

  @Test
  void anOlderOccurrenceDoesNotMoveTheWindowBack() {
    EventDeduplicator d = new EventDeduplicator(Duration.ofMinutes(10), 10);
    d.remember(A, "g-cn.1", 1, T0.plusSeconds(300));
    d.remember(A, "g-cn.1", 2, T0);
    assertThat(d.existing(A, T0.plusSeconds(800))).map(p -> p.last()).contains(T0.plusSeconds(300));
  }

  @Test
  void memoryIsBoundedByForgettingTheLeastRecentlyUsedKey() {
    EventDeduplicator d = new EventDeduplicator(Duration.ofMinutes(10), 2);
    EventKey c = key("Scaled", "Scaled out from 1 to 2 replicas");
    d.remember(A, "g-cn.1", 1, T0);
    d.remember(B, "g-cn.2", 1, T0);
    assertThat(d.existing(A, T0)).isPresent();
    d.remember(c, "g-cn.3", 1, T0);
    assertThat(d.size()).isEqualTo(2);
    assertThat(d.existing(B, T0)).isEmpty();
    assertThat(d.existing(A, T0)).isPresent();
    assertThat(d.existing(c, T0)).isPresent();
  }

  @Test
  void rejectsNonsenseSettings() {
    assertThatThrownBy(() -> new EventDeduplicator(Duration.ZERO, 1))
        .hasMessageContaining("window must be positive");
    assertThatThrownBy(() -> new EventDeduplicator(Duration.ofMinutes(1), 0))
        .hasMessageContaining("maxKeys must be >= 1");
  }

  private static EventKey key(String reason, String message) {
    return new EventKey("ns", "g", "uid-1", "Normal", reason, message);
  }
}
