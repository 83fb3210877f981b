package io.srcn.sdk.internal.sync;

import io.srcn.sdk.ComputeNodeGroupSpec;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The one owner of a group inside a session: every handle and the controller of one {@link Engine}
 * reach the group through the same owner. Its lock lets one pass or apply of the group run at a
 * time, so a handle and the controller never send the same ADD or DROP twice (they share the FE
 * snapshot, which each ADD and DROP updates); and it remembers the newest spec the session applied,
 * so a controller whose informer cache still shows a spec this session replaced uses the newest one
 * instead of undoing the change (the newest spec wins, by what was written, not by timing).
 *
 * <p>Thread-safe.
 */
final class GroupOwner {
  private static final int SUPERSEDED_KEPT = 16;

  private final ReentrantLock lock = new ReentrantLock();
  private ComputeNodeGroupSpec newest;
  private String newestJson;
  private final Deque<String> superseded = new ArrayDeque<>();

  /** Runs {@code work} while holding the group: one pass or apply at a time in this session. */
  <T> T exclusively(Supplier<T> work) {
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  /** Records that {@code spec} was just applied: it is now the newest spec of the group. */
  synchronized void applied(ComputeNodeGroupSpec spec) {
    String json = spec.toCanonicalJson();
    if (json.equals(newestJson)) {
      return;
    }
    superseded.remove(json);
    if (newestJson != null) {
      superseded.addFirst(newestJson);
      while (superseded.size() > SUPERSEDED_KEPT) {
        superseded.removeLast();
      }
    }
    newest = spec;
    newestJson = json;
  }

  /**
   * {@code spec}, or the newest spec applied in this session when {@code spec} is one it replaced
   * (checked under the lock before a pass or a repair, so a decision taken on a stale cache is not
   * carried out after a newer spec was applied).
   */
  synchronized ComputeNodeGroupSpec current(ComputeNodeGroupSpec spec) {
    if (newest == null || spec == newest) {
      return spec;
    }
    String json = spec.toCanonicalJson();
    return !json.equals(newestJson) && superseded.contains(json) ? newest : spec;
  }

  /**
   * The spec to work with when the cluster shows {@code recordedJson}: the newest applied here when
   * the recorded one is a spec this session already replaced (a cache that has not caught up),
   * otherwise the recorded one (it is the newest, or another process changed the group).
   */
  synchronized ComputeNodeGroupSpec resolve(
      String recordedJson, Supplier<ComputeNodeGroupSpec> recorded) {
    if (newest != null && !recordedJson.equals(newestJson) && superseded.contains(recordedJson)) {
      return newest;
    }
    return recorded.get();
  }
}
