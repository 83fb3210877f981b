package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.Transition;
import io.srcn.testkit.k8s.Transition.Type;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.KubeletNames;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Derives the history's transitions from one store change (the object's JSON before and after),
 * stamped with the instant the store changed. Stamping there, rather than when the simulator's
 * thread gets to the change or after a write returns, keeps the history's order and times true to
 * what clients could see: a watcher can never learn of a change before its transition's time.
 *
 * <p>Pods count only when the simulated kubelet runs them; StatefulSets report {@code
 * spec.replicas} changes (creation counts as a change from 0).
 *
 * <p>Stateless and thread-safe.
 */
final class TransitionDetector {
  private TransitionDetector() {}

  /** The transitions between {@code before} and {@code after} (either may be null). */
  static List<Transition> between(JsonNode before, JsonNode after, Instant at) {
    JsonNode latest = after != null ? after : before;
    String kind = Json.text(latest, "kind");
    String ns = Json.text(latest, "metadata", "namespace");
    String name = Json.text(latest, "metadata", "name");
    String uid = Json.text(latest, "metadata", "uid");
    List<Transition> out = new ArrayList<>();
    if (ns == null || name == null) {
      return out;
    }
    if ("Pod".equals(kind) && KubeletNames.runsOnMockNode(latest)) {
      pod(before, after, at, ns, name, uid, out);
    } else if ("StatefulSet".equals(kind) && after != null) {
      int from = before == null ? 0 : before.path("spec").path("replicas").asInt(1);
      int to = after.path("spec").path("replicas").asInt(1);
      if (before == null || from != to) {
        out.add(new Transition(at, Type.REPLICAS_CHANGED, ns, name, from, to, uid));
      }
    }
    return out;
  }

  private static void pod(
      JsonNode before,
      JsonNode after,
      Instant at,
      String ns,
      String name,
      String uid,
      List<Transition> out) {
    if (before == null) {
      out.add(pod(at, Type.POD_CREATED, ns, name, uid));
    }
    if (after == null) {
      out.add(pod(at, Type.POD_DELETED, ns, name, uid));
      return;
    }
    if (!"Running".equals(phase(before)) && "Running".equals(phase(after))) {
      out.add(pod(at, Type.POD_RUNNING, ns, name, uid));
    }
    int restartsBefore = before == null ? 0 : PodStatus.restartCount(before);
    int restartsAfter = PodStatus.restartCount(after);
    if (restartsAfter > restartsBefore) {
      out.add(new Transition(at, Type.POD_RESTARTED, ns, name, restartsBefore, restartsAfter, uid));
    }
    if (!terminating(before) && PodStatus.isTerminating(after)) {
      out.add(pod(at, Type.POD_TERMINATING, ns, name, uid));
    }
    boolean wasReady = before != null && PodStatus.isReady(before);
    boolean ready = PodStatus.isReady(after);
    if (!wasReady && ready) {
      out.add(pod(at, Type.POD_READY, ns, name, uid));
    } else if (wasReady && !ready) {
      out.add(pod(at, Type.POD_NOT_READY, ns, name, uid));
    }
  }

  private static boolean terminating(JsonNode pod) {
    return pod != null && PodStatus.isTerminating(pod);
  }

  private static String phase(JsonNode pod) {
    return pod == null ? null : Json.text(pod, "status", "phase");
  }

  private static Transition pod(Instant at, Type type, String ns, String name, String uid) {
    return new Transition(at, type, ns, name, -1, -1, uid);
  }
}
