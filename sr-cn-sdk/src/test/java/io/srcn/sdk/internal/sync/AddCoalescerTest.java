package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.fe.HostPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class AddCoalescerTest {
  private static final Optional<String> DEFAULT = Optional.empty();
  private static final HostPort BAD = node("bad");

  private final ExecutorService pool = Executors.newCachedThreadPool();
  private final List<List<HostPort>> sent = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger overlaps = new AtomicInteger();
  private volatile CountDownLatch gate = new CountDownLatch(0);
  private volatile RuntimeException unavailable;

  private final AddCoalescer coalescer = new AddCoalescer(this::send);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  private AddResult send(List<HostPort> nodes, Optional<String> warehouse) {
    if (inFlight.incrementAndGet() > 1) {
      overlaps.incrementAndGet();
    }
    try {
      sent.add(List.copyOf(nodes));
      if (warehouse.isEmpty()) { // the gate holds the default warehouse's lane only
        gate.await(10, TimeUnit.SECONDS);
      }
      if (unavailable != null) {
        throw unavailable;
      }
      if (nodes.contains(BAD)) {
        throw new FrontendException(
            "add compute nodes", 1064, "42000", null, "host is wrong", null);
      }
      return new AddResult(nodes, List.of());
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private static HostPort node(String name) {
    return new HostPort(name + ".cn-search.ns.svc.cluster.local", 9050);
  }

  private CompletableFuture<AddResult> addAsync(HostPort... nodes) {
    return CompletableFuture.supplyAsync(() -> coalescer.add(List.of(nodes), DEFAULT), pool);
  }

  /** Starts an ADD of {@code first} that stays in flight until {@link #gate} opens. */
  private CompletableFuture<AddResult> holdInFlight(HostPort first) {
    gate = new CountDownLatch(1);
    CompletableFuture<AddResult> f = addAsync(first);
    await().atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);
    return f;
  }

  @Test
  void aLoneAddGoesOutAtOnceWithItsOwnNodes() {
    AddResult r = coalescer.add(List.of(node("a"), node("b")), DEFAULT);
    assertThat(r.added()).containsExactly(node("a"), node("b"));
    assertThat(sent).containsExactly(List.of(node("a"), node("b")));
  }

  @Test
  void addsAskedForWhileOneIsInFlightGoOutTogetherNext() throws Exception {
    CompletableFuture<AddResult> a = holdInFlight(node("a"));
    CompletableFuture<AddResult> b = addAsync(node("b"));
    CompletableFuture<AddResult> c = addAsync(node("c"), node("d"));
    await().atMost(Duration.ofSeconds(5)).until(() -> coalescer.waiting(DEFAULT) == 2);
    gate.countDown();
    assertThat(a.get(5, TimeUnit.SECONDS).added()).containsExactly(node("a"));
    assertThat(b.get(5, TimeUnit.SECONDS).added()).containsExactly(node("b"));
    assertThat(c.get(5, TimeUnit.SECONDS).added()).containsExactly(node("c"), node("d"));
    assertThat(sent).hasSize(2);
    assertThat(sent.get(1)).containsExactlyInAnyOrder(node("b"), node("c"), node("d"));
    assertThat(coalescer.statements()).isEqualTo(2);
    assertThat(coalescer.mergedStatements()).isEqualTo(1);
  }

  @Test
  void aMergedAddThatFailsIsSentAgainPerCallerSoOnlyTheBadGroupFails() throws Exception {
    CompletableFuture<AddResult> a = holdInFlight(node("a"));
    CompletableFuture<AddResult> bad = addAsync(BAD);
    CompletableFuture<AddResult> good = addAsync(node("c"));
    await().atMost(Duration.ofSeconds(5)).until(() -> coalescer.waiting(DEFAULT) == 2);
    gate.countDown();
    assertThat(a.get(5, TimeUnit.SECONDS).added()).containsExactly(node("a"));
    assertThat(good.get(5, TimeUnit.SECONDS).added()).containsExactly(node("c"));
    assertThatThrownBy(() -> bad.join()).hasCauseInstanceOf(FrontendException.class);
    // the merged statement, then one of its own for each caller
    assertThat(sent).hasSize(4);
    assertThat(sent.subList(2, 4)).containsExactlyInAnyOrder(List.of(BAD), List.of(node("c")));
  }

  @Test
  void anUnreachableFeFailsEveryCallerOfTheMergedAddWithoutResending() throws Exception {
    CompletableFuture<AddResult> a = holdInFlight(node("a"));
    CompletableFuture<AddResult> b = addAsync(node("b"));
    CompletableFuture<AddResult> c = addAsync(node("c"));
    await().atMost(Duration.ofSeconds(5)).until(() -> coalescer.waiting(DEFAULT) == 2);
    unavailable = new FrontendUnavailableException("add compute nodes", Map.of(), null);
    gate.countDown();
    for (CompletableFuture<AddResult> f : List.of(a, b, c)) {
      assertThatThrownBy(f::join).hasCauseInstanceOf(FrontendUnavailableException.class);
    }
    assertThat(sent).hasSize(2);
  }

  @Test
  void addsIntoAnotherWarehouseDoNotWaitForThisOne() throws Exception {
    CompletableFuture<AddResult> a = holdInFlight(node("a"));
    AddResult other =
        CompletableFuture.supplyAsync(
                () -> coalescer.add(List.of(node("w")), Optional.of("wh1")), pool)
            .get(5, TimeUnit.SECONDS);
    assertThat(other.added()).containsExactly(node("w"));
    assertThat(a).isNotDone();
    gate.countDown();
    assertThat(a.get(5, TimeUnit.SECONDS).added()).containsExactly(node("a"));
  }

  /** Many callers at once: every node sent exactly once, one ADD in flight at a time. */
  @RepeatedTest(100)
  void concurrentCallersEachGetExactlyTheirOwnNodes() throws Exception {
    int callers = ThreadLocalRandom.current().nextInt(2, 12);
    List<CompletableFuture<AddResult>> futures = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      futures.add(addAsync(node("p" + i), node("q" + i)));
    }
    for (int i = 0; i < callers; i++) {
      assertThat(futures.get(i).get(10, TimeUnit.SECONDS).added())
          .containsExactly(node("p" + i), node("q" + i));
    }
    Set<HostPort> seen = new HashSet<>();
    List<HostPort> all = new ArrayList<>();
    sent.forEach(all::addAll);
    all.forEach(n -> assertThat(seen.add(n)).as("sent once: %s", n).isTrue());
    assertThat(seen).hasSize(2 * callers);
    assertThat(overlaps).hasValue(0);
    assertThat(coalescer.statements()).isEqualTo(sent.size());
  }
}
