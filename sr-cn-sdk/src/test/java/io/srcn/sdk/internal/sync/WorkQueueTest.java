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
        q.addBatched("a", window);
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
      q.addBatched("a", Duration.ofMillis(100));
      q.addBatched("b", Duration.ZERO);
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
      q.addBatched("a", Duration.ofMillis(200));
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
      q.addBatched("a", Duration.ofMillis(150));
      q.add("a");
      assertThat(q.take(SHORT)).contains("a");
      q.done("a");
      long start = System.nanoTime();
      q.addBatched("a", Duration.ofMillis(600));
      assertThat(q.take(Duration.ofSeconds(5))).contains("a");
      // the first batch's timer (150 ms) must not cut the second batch's window short
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(550));
    }
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
