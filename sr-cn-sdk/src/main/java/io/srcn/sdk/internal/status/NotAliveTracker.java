package io.srcn.sdk.internal.status;

import io.srcn.sdk.NodeStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Remembers, per pod, since when the FE has reported the node Alive=false while its pod is Ready,
 * so {@link Conditions} can tell a node that is merely waiting for its first heartbeat from one the
 * FE cannot reach. Memory is bounded by the group's pods: a pod leaves the map as soon as it is
 * alive, not Ready, unregistered or gone, and its clock restarts when its address changes.
 *
 * <p>One per group. Thread-safe.
 */
public final class NotAliveTracker {
  private record Since(String address, Instant time) {}

  private final Map<String, Since> since = new HashMap<>();

  /** Records the pass's observation and returns, for each pod Ready but not alive, since when. */
  public synchronized Map<String, Instant> update(Iterable<NodeStatus> nodes, Instant now) {
    Map<String, Since> next = new HashMap<>();
    for (NodeStatus n : nodes) {
      if (readyButNotAlive(n)) {
        String address = n.address().orElse("");
        Since previous = since.get(n.pod());
        boolean same = previous != null && previous.address().equals(address);
        next.put(n.pod(), same ? previous : new Since(address, now));
      }
    }
    since.clear();
    since.putAll(next);
    Map<String, Instant> out = new HashMap<>();
    since.forEach((pod, s) -> out.put(pod, s.time()));
    return Map.copyOf(out);
  }

  /** Forgets everything, e.g. when the group is suspended. */
  public synchronized void clear() {
    since.clear();
  }

  private static boolean readyButNotAlive(NodeStatus n) {
    return n.ready() && !n.terminating() && n.registered() && n.alive().equals(Optional.of(false));
  }
}
