package io.srcn.testkit.k8s;

import java.time.Instant;

/**
 * A timestamped transition observed or caused by the StatefulSet simulator, for benchmarks and
 * invariant checks (for example "no pod was deleted while fewer than n were Ready").
 *
 * @param time when it happened
 * @param type what happened
 * @param namespace the namespace
 * @param name the pod, or the StatefulSet for {@link Type#REPLICAS_CHANGED}
 * @param from the previous replica count ({@link Type#REPLICAS_CHANGED}) or restart count ({@link
 *     Type#POD_RESTARTED}); -1 otherwise
 * @param to the new replica count or restart count; -1 otherwise
 * @param uid the object's {@code metadata.uid} ("" when unknown): a StatefulSet's pod names repeat
 *     across incarnations, its uids never do
 */
public record Transition(
    Instant time, Type type, String namespace, String name, int from, int to, String uid) {
  /** Null-checks; a null uid becomes "". */
  public Transition {
    uid = uid == null ? "" : uid;
  }

  /** A transition of an object whose uid is unknown. */
  public Transition(Instant time, Type type, String namespace, String name, int from, int to) {
    this(time, type, namespace, name, from, to, "");
  }

  /** Kinds of transitions. */
  public enum Type {
    /** The controller created the pod (phase Pending). */
    POD_CREATED,
    /** The pod's containers started (phase Running, not ready yet). */
    POD_RUNNING,
    /** The pod became Ready. */
    POD_READY,
    /** The pod stopped being Ready (readiness failure, crash or termination). */
    POD_NOT_READY,
    /** The pod got a deletionTimestamp (scale-in, rolling update, delete). */
    POD_TERMINATING,
    /** The pod left the store. */
    POD_DELETED,
    /** The pod's container crashed and restarted. */
    POD_RESTARTED,
    /** The StatefulSet's {@code spec.replicas} changed (or was first seen: from 0). */
    REPLICAS_CHANGED
  }

  @Override
  public String toString() {
    return time
        + " "
        + type
        + " "
        + namespace
        + "/"
        + name
        + (from >= 0 || to >= 0 ? " " + from + "->" + to : "");
  }
}
