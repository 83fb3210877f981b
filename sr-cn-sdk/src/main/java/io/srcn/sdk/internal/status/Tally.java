package io.srcn.sdk.internal.status;

import io.srcn.sdk.GhostNode;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.naming.Names;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The counts and lists {@link Conditions} reasons about, derived once from {@link ConditionFacts}.
 * "Desired" pods are the ordinals below the StatefulSet's replicas; "serving" pods are desired pods
 * that are Ready and not terminating (the ones the SDK registers).
 *
 * <p>Immutable after construction and thread-safe.
 */
final class Tally {
  final int desired;
  final List<String> notReady = new ArrayList<>();
  final List<NodeStatus> serving = new ArrayList<>();
  final List<NodeStatus> notRegistered = new ArrayList<>();
  final List<NodeStatus> notAlive = new ArrayList<>();
  final List<NodeStatus> terminating = new ArrayList<>();
  final List<NodeStatus> unreachable = new ArrayList<>();
  final List<GhostNode> ghostsPendingDrop = new ArrayList<>();

  private Tally(int desired) {
    this.desired = desired;
  }

  static Tally of(ConditionFacts f, Instant now) {
    Tally t = new Tally(f.desiredReplicas());
    Map<Integer, NodeStatus> byOrdinal = new HashMap<>();
    f.nodes().forEach(n -> byOrdinal.put(n.ordinal(), n));
    for (int i = 0; i < t.desired; i++) {
      NodeStatus n = byOrdinal.get(i);
      if (n == null || !n.ready() || n.terminating()) {
        t.notReady.add(n == null ? Names.pod(f.group(), i) : n.pod());
        continue;
      }
      t.serving.add(n);
      if (!n.registered()) {
        t.notRegistered.add(n);
      } else if (!n.alive().orElse(false)) {
        t.notAlive.add(n);
      }
    }
    for (NodeStatus n : f.nodes()) {
      if (n.terminating()) {
        t.terminating.add(n);
      }
      Instant since = f.notAliveSince().get(n.pod());
      if (since != null
          && n.ready()
          && n.registered()
          && n.alive().equals(Optional.of(false))
          && !since.plus(f.aliveGracePeriod()).isAfter(now)) {
        t.unreachable.add(n);
      }
    }
    f.ghosts().stream().filter(GhostNode::dropPending).forEach(t.ghostsPendingDrop::add);
    return t;
  }

  /** {@code a, b, c and 2 more}: at most five names. */
  static String names(List<String> names) {
    int shown = Math.min(names.size(), 5);
    String head = String.join(", ", names.subList(0, shown));
    return names.size() > shown ? head + " and " + (names.size() - shown) + " more" : head;
  }

  static List<String> pods(List<NodeStatus> nodes) {
    return nodes.stream().map(NodeStatus::pod).toList();
  }
}
