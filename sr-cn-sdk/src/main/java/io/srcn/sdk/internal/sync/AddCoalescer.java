package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Group commit for {@code ADD COMPUTE NODE} on one FE cluster: an ADD with nothing in flight for
 * its warehouse is sent at once; ADDs asked for while one is in flight wait for it and then go out
 * together as the next statement (like a database's group commit). So a burst of pods turning Ready
 * costs one statement per FE round trip, not one per pod, without a fixed waiting window.
 *
 * <p>A merged ADD is all-or-nothing on the FE: {@code visitComputeNodeClause} validates (and in IP
 * mode resolves) every host before anything runs (StarRocks {@code
 * fe/fe-core/src/main/java/com/starrocks/sql/analyzer/AlterSystemStmtAnalyzer.java}), and {@code
 * addComputeNodes} checks every host for a duplicate before it adds any, then adds them one by one,
 * one {@code EditLog.logAddComputeNode} each ({@code
 * fe/fe-core/src/main/java/com/starrocks/system/SystemInfoService.java}); the client's registrar
 * turns {@code already exists} into per-node results. When a merged ADD fails with a statement
 * error, each caller's nodes are sent again on their own, so a bad address fails only its own
 * group; when the FE cannot be reached or refuses the login, every caller gets that error (sending
 * again would only wait once per caller).
 *
 * <p>Thread-safe. {@link #add} waits for the ADDs in flight before it, then for its own.
 */
final class AddCoalescer {
  private final BiFunction<List<HostPort>, Optional<String>, AddResult> send;
  private final Map<Optional<String>, Lane> lanes = new HashMap<>();
  private long statements;
  private long merged;

  /** {@code send} sends one ADD of the nodes (into the warehouse clause, when present). */
  AddCoalescer(BiFunction<List<HostPort>, Optional<String>, AddResult> send) {
    this.send = send;
  }

  private static final class Lane {
    boolean busy;
    final List<Request> waiting = new ArrayList<>();
  }

  private static final class Request {
    final List<HostPort> nodes;
    AddResult result;
    RuntimeException failure;
    boolean done;

    Request(List<HostPort> nodes) {
      this.nodes = List.copyOf(nodes);
    }
  }

  /**
   * Adds {@code nodes} with the next ADD on {@code warehouse}'s lane: at once when none is in
   * flight, else together with every other ADD asked for meanwhile. Waits for the ADDs in flight
   * before it and for its own.
   *
   * @throws CnSdkException this caller's failure (its own statement's when a merged one failed)
   */
  AddResult add(List<HostPort> nodes, Optional<String> warehouse) {
    Request mine = new Request(nodes);
    List<Request> batch;
    Lane lane;
    synchronized (this) {
      lane = lanes.computeIfAbsent(warehouse, w -> new Lane());
      lane.waiting.add(mine);
      boolean interrupted = false;
      while (lane.busy && !mine.done) {
        try {
          wait();
        } catch (InterruptedException e) {
          interrupted = true; // the ADD may already be on the wire for us: see it through
        }
      }
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
      if (mine.done) {
        return outcome(mine);
      }
      lane.busy = true; // this caller leads: it sends for everyone waiting
      batch = new ArrayList<>(lane.waiting);
      lane.waiting.clear();
      statements++;
      if (batch.size() > 1) {
        merged++;
      }
    }
    try {
      run(batch, warehouse);
    } finally {
      synchronized (this) {
        lane.busy = false;
        for (Request r : batch) {
          if (!r.done) { // run() failed unexpectedly (an Error): release the waiters
            r.failure = new CnSdkException("the ADD this node waited for did not complete");
            r.done = true;
          }
        }
        notifyAll();
      }
    }
    return outcome(mine);
  }

  /** Callers waiting on {@code warehouse}'s lane for the next ADD (for tests). */
  synchronized int waiting(Optional<String> warehouse) {
    Lane lane = lanes.get(warehouse);
    return lane == null ? 0 : lane.waiting.size();
  }

  /** Statements this coalescer started (a caller's fallback statements not counted). */
  synchronized long statements() {
    return statements;
  }

  /** Statements that carried more than one caller's nodes. */
  synchronized long mergedStatements() {
    return merged;
  }

  private static AddResult outcome(Request r) {
    if (r.failure != null) {
      throw r.failure;
    }
    return r.result;
  }

  private void run(List<Request> batch, Optional<String> warehouse) {
    if (batch.size() == 1) {
      complete(batch.get(0), warehouse);
      return;
    }
    Set<HostPort> union = new LinkedHashSet<>();
    batch.forEach(r -> union.addAll(r.nodes));
    AddResult all;
    try {
      all = send.apply(List.copyOf(union), warehouse);
    } catch (FrontendUnavailableException | FrontendAuthException e) {
      finish(batch, e); // nobody's statement would get through: same error for all
      return;
    } catch (CnSdkException e) {
      batch.forEach(r -> complete(r, warehouse)); // attribute the error to its own group
      return;
    }
    Set<HostPort> added = new HashSet<>(all.added());
    Set<HostPort> present = new HashSet<>(all.alreadyPresent());
    for (Request r : batch) {
      List<HostPort> a = r.nodes.stream().filter(added::contains).distinct().toList();
      List<HostPort> p = r.nodes.stream().filter(present::contains).distinct().toList();
      synchronized (this) {
        r.result = new AddResult(a, p);
        r.done = true;
      }
    }
  }

  /** Sends one caller's own ADD and records its outcome. */
  private void complete(Request r, Optional<String> warehouse) {
    AddResult result = null;
    RuntimeException failure = null;
    try {
      result = send.apply(r.nodes, warehouse);
    } catch (RuntimeException e) {
      failure = e;
    }
    synchronized (this) {
      r.result = result;
      r.failure = failure;
      r.done = true;
    }
  }

  private synchronized void finish(List<Request> batch, RuntimeException e) {
    for (Request r : batch) {
      r.failure = e;
      r.done = true;
    }
  }
}
