package io.srcn.it.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.ReadinessTimeoutException;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * {@code awaitReady} does not hold the handle while it waits: {@code status()} from another thread
 * answers while the wait goes on (it used to block for the whole timeout), and the timeout carries
 * the last status.
 */
@ItCluster
class AwaitReadyConcurrencyTest {
  // long enough for status() to answer while the wait goes on, even on a loaded machine; the test
  // lasts this long (the wait times out by design)
  private static final Duration WAIT = Duration.ofSeconds(5);

  @Test
  void statusFromAnotherThreadDoesNotWaitForAwaitReady(FakeFrontend fe, MockKubernetes k8s)
      throws Exception {
    try (Cluster c = new Cluster(fe, k8s)) {
      c.fe.setReachability(host -> false); // heartbeats fail: nodes never Alive, never Ready
      try (ComputeNodeGroup group = c.spec("slow").replicas(1).deploy(c.k8s.client())) {
        AtomicReference<Thread> waiter = new AtomicReference<>();
        CompletableFuture<GroupStatus> waiting =
            CompletableFuture.supplyAsync(
                () -> {
                  waiter.set(Thread.currentThread());
                  return group.awaitReady(WAIT);
                });
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    waiter.get() != null && waiter.get().getState() == Thread.State.TIMED_WAITING);

        GroupStatus status = group.status();

        assertThat(waiting).as("status() answered while awaitReady still waits").isNotDone();
        assertThat(status.isReady()).isFalse();
        Throwable thrown = catchThrowable(waiting::get);
        assertThat(thrown).isInstanceOf(ExecutionException.class);
        assertThat(thrown.getCause()).isInstanceOf(ReadinessTimeoutException.class);
        ReadinessTimeoutException timeout = (ReadinessTimeoutException) thrown.getCause();
        assertThat(timeout.lastStatus()).hasValueSatisfying(s -> assertThat(s.isReady()).isFalse());
        assertThat(timeout.getMessage()).contains(timeout.lastStatus().orElseThrow().summary());
      }
    }
  }
}
