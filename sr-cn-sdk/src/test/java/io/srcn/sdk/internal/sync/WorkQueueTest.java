package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class WorkQueueTest {
  private static final Duration SHORT = Duration.ofMillis(50);

  @Test
  void coalescesRepeatedAdds() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      q.add("a");
      q.add("b");
      q.add("a");
      assertThat(q.size()).isEqualTo(2);
      assertThat(q.take(SHORT)).contains("a");
      assertThat(q.take(SHORT)).contains("b");
      assertThat(q.take(SHORT)).isEmpty();
    }
  }

  @Test
  void keyAddedWhileProcessingIsProcessedAgainAfterwardsNotConcurrently() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      q.add("a");
      assertThat(q.take(SHORT)).contains("a");
      q.add("a");
      assertThat(q.take(SHORT)).isEmpty();
      q.done("a");
      assertThat(q.take(SHORT)).contains("a");
    }
  }

  @Test
  void delayedAddArrivesLater() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      q.addAfter("a", Duration.ofMillis(100));
      assertThat(q.size()).isZero();
      await().atMost(Duration.ofSeconds(5)).until(() -> q.size() == 1);
    }
  }

  @Test
  void batchedAddsWithinTheWindowCostOnePass() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      Duration window = Duration.ofMillis(300);
      for (int i = 0; i < 10; i++) {
        q.addBatched("a", window, window);
      }
      assertThat(q.size()).isZero();
      await().atMost(Duration.ofSeconds(5)).until(() -> q.size() == 1);
      assertThat(q.take(SHORT)).contains("a");
      q.done("a");
      assertThat(q.take(Duration.ofMillis(400))).isEmpty();
    }
  }

  @Test
  void batchedAddOfAWaitingKeyIsAbsorbedAndAZeroWindowAddsAtOnce() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      q.add("a");
      q.addBatched("a", Duration.ofMillis(100), Duration.ofMillis(100));
      q.addBatched("b", Duration.ZERO, Duration.ZERO);
      assertThat(q.size()).isEqualTo(2);
      assertThat(q.take(SHORT)).contains("a");
      assertThat(q.take(SHORT)).contains("b");
      q.done("a");
      q.done("b");
      assertThat(q.take(Duration.ofMillis(300))).isEmpty();
    }
  }

  @Test
  void anImmediateAddOvertakesABatchWhoseTimerThenAddsNothing() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      q.addBatched("a", Duration.ofMillis(200), Duration.ofMillis(200));
      q.add("a");
      assertThat(q.size()).isEqualTo(1);
      assertThat(q.take(SHORT)).contains("a");
      q.done("a");
      assertThat(q.take(Duration.ofMillis(400))).isEmpty();
    }
  }

  @Test
  void aNewBatchAfterAnOvertakenOneWaitsItsOwnWindow() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      q.addBatched("a", Duration.ofMillis(150), Duration.ofMillis(150));
      q.add("a");
      assertThat(q.take(SHORT)).contains("a");
      q.done("a");
      long start = System.nanoTime();
      q.addBatched("a", Duration.ofMillis(600), Duration.ofMillis(600));
      assertThat(q.take(Duration.ofSeconds(5))).contains("a");
      // the first batch's timer (150 ms) must not cut the second batch's window short
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }
  }

  @Test
  void aSlidingBatchWaitsUntilTheKeyIsQuiet() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      Duration quiet = Duration.ofSeconds(1);
      long start = System.nanoTime();
      q.addBatched("a", quiet, Duration.ofSeconds(10));
      pause(Duration.ofMillis(500));
      q.addBatched("a", quiet, Duration.ofSeconds(10)); // pushes the end out to about 1.5 s
      long second = System.nanoTime() - start;
      pause(Duration.ofMillis(700));
      // a fixed window would have ended at 1 s; the key was not quiet for 1 s yet at 1.2 s
      boolean early = q.size() > 0;
      assertThat(q.take(Duration.ofSeconds(5))).contains("a");
      long taken = System.nanoTime() - start;
      if (second < Duration.ofMillis(900).toNanos()) { // else the machine stalled the test itself
        assertThat(early).as("queued before the key was quiet for the window").isFalse();
        assertThat(Duration.ofNanos(taken)).isGreaterThanOrEqualTo(Duration.ofMillis(1450));
      }
    }
  }

  @Test
  void aSlidingBatchEndsAtItsCapWhileAddsKeepComing() throws Exception {
    try (WorkQueue<String> q = new WorkQueue<>(Thread::new)) {
      Duration quiet = Duration.ofMillis(400);
      Duration cap = Duration.ofSeconds(1);
      long start = System.nanoTime();
      while (q.size() == 0 && System.nanoTime() - start < Duration.ofSeconds(10).toNanos()) {
        q.addBatched("a", quiet, cap); // never quiet for 400 ms
        pause(Duration.ofMillis(100));
      }
      long queued = System.nanoTime() - start;
      assertThat(q.size()).isEqualTo(1);
      assertThat(Duration.ofNanos(queued))
          .isGreaterThanOrEqualTo(cap)
          .isLessThan(Duration.ofSeconds(4));
    }
  }

  /** Lets time pass (Awaitility, not a bare sleep). */
  private static void pause(Duration d) {
    await().pollDelay(d).atMost(d.plusSeconds(5)).until(() -> true);
  }

  @Test
  void closeReleasesWaitingWorkers() throws Exception {
    WorkQueue<String> q = new WorkQueue<>(Thread::new);
    Thread closer = new Thread(q::close);
    closer.start();
    Optional<String> taken = q.take(Duration.ofSeconds(10));
    assertThat(taken).isEmpty();
    closer.join();
  }
}
