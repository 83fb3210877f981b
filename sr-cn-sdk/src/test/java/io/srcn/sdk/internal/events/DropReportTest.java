package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.GroupEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Dropped events make one warning, then a summary per interval and one when the queue drains. */
class DropReportTest {
  private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
  private static final GroupEvent EVENT =
      GroupEvents.nodeRegistered("starrocks", "g7", List.of("a:9050"), T0);

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final List<String> lines = new ArrayList<>();
  private final DropReport report = new DropReport(Duration.ofMinutes(1), nanos::get, lines::add);

  @Test
  void thousandsOfDropsMakeOneWarningThenASummaryPerMinuteAndOneWhenTheQueueDrains() {
    for (int i = 0; i < 4_000; i++) {
      report.dropped(EVENT, 10_000);
      nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(10)); // 40 s in all
    }
    assertThat(lines)
        .containsExactly(
            "event queue full (10000 groups' events waiting for the API server): not posting"
                + " NodeRegistered for starrocks/g7; further drops are summed up every 60 s and"
                + " when the queue drains (listeners still see every event)");

    nanos.addAndGet(TimeUnit.SECONDS.toNanos(21)); // 61 s after the first drop
    report.dropped(EVENT, 10_000);
    assertThat(lines)
        .hasSize(2)
        .last()
        .isEqualTo(
            "event queue still full: dropped 4000 more events in the last 61 s (4001 dropped in"
                + " all, the first of this episode 61 s ago)");

    report.dropped(EVENT, 10_000);
    nanos.addAndGet(TimeUnit.SECONDS.toNanos(5));
    report.drained();
    assertThat(lines)
        .hasSize(3)
        .last()
        .isEqualTo(
            "event queue drained: dropped 1 more event in the last 5 s (4002 dropped in all, the"
                + " first of this episode 66 s ago)");
    assertThat(report.total()).isEqualTo(4_002);
  }

  @Test
  void aDrainWithNothingUnreportedIsSilentAndTheNextEpisodeWarnsAgain() {
    report.drained();
    report.dropped(EVENT, 5);
    report.drained();
    assertThat(lines).hasSize(1);
    report.dropped(EVENT, 5);
    assertThat(lines).hasSize(2).last().asString().startsWith("event queue full (5 groups'");
    assertThat(report.total()).isEqualTo(2);
  }
}
