package io.srcn.it.campaign;

import io.srcn.testkit.k8s.Transition;
import io.srcn.testkit.k8s.Transition.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The simulator's history of one namespace, queried as "what was true at instant s": a
 * StatefulSet's replicas, whether a pod existed, whether it was Ready. Used to judge every ADD and
 * DROP the FE received against what Kubernetes showed around that time.
 *
 * <p>Immutable and thread-safe.
 */
final class Timeline {
  private final List<Transition> transitions;

  /**
   * The history of {@code namespace}, from {@code all} in time order (the simulator's {@code
   * history()}).
   */
  Timeline(List<Transition> all, String namespace) {
    List<Transition> mine = new ArrayList<>();
    for (Transition t : all) {
      if (t.namespace().equals(namespace)) {
        mine.add(t);
      }
    }
    this.transitions = List.copyOf(mine);
  }

  /** The StatefulSet's replicas at {@code s} as the simulator saw them (0 before it existed). */
  int replicas(String statefulSet, Instant s) {
    int replicas = 0;
    for (Transition t : transitions) {
      if (t.time().isAfter(s)) {
        break;
      }
      if (t.type() == Type.REPLICAS_CHANGED && t.name().equals(statefulSet)) {
        replicas = t.to();
      }
    }
    return replicas;
  }

  /** Whether the pod existed (created and not yet deleted) at {@code s}. */
  boolean exists(String pod, Instant s) {
    boolean exists = false;
    for (Transition t : transitions) {
      if (t.time().isAfter(s)) {
        break;
      }
      if (t.name().equals(pod)) {
        if (t.type() == Type.POD_CREATED) {
          exists = true;
        } else if (t.type() == Type.POD_DELETED) {
          exists = false;
        }
      }
    }
    return exists;
  }

  /**
   * When the pod incarnation with {@code uid} left the store, if it did: the server-side instant of
   * its {@code POD_DELETED}, never the time some watcher learned of it. A name's incarnations
   * differ only by uid, so the uid picks the one deletion that is this incarnation's.
   */
  Optional<Instant> deleted(String uid) {
    if (uid == null || uid.isEmpty()) {
      return Optional.empty();
    }
    for (Transition t : transitions) {
      if (t.type() == Type.POD_DELETED && t.uid().equals(uid)) {
        return Optional.of(t.time());
      }
    }
    return Optional.empty();
  }

  /**
   * Whether the pod incarnation with {@code uid} was Ready at {@code s}: unlike {@link
   * #ready(String, Instant)}, another incarnation of the same pod name does not count.
   */
  boolean incarnationReady(String uid, Instant s) {
    boolean ready = false;
    for (Transition t : transitions) {
      if (t.time().isAfter(s)) {
        break;
      }
      if (t.uid().equals(uid)) {
        switch (t.type()) {
          case POD_READY -> ready = true;
          case POD_NOT_READY, POD_CREATED, POD_DELETED, POD_TERMINATING -> ready = false;
          default -> {}
        }
      }
    }
    return ready;
  }

  /** Whether the pod was Ready at {@code s}. */
  boolean ready(String pod, Instant s) {
    boolean ready = false;
    for (Transition t : transitions) {
      if (t.time().isAfter(s)) {
        break;
      }
      if (t.name().equals(pod)) {
        switch (t.type()) {
          case POD_READY -> ready = true;
          case POD_NOT_READY, POD_CREATED, POD_DELETED, POD_TERMINATING -> ready = false;
          default -> {}
        }
      }
    }
    return ready;
  }

  /**
   * Whether {@code condition} held at some instant of {@code [t - slack, t]}. States change only at
   * transitions, so the window's start and every transition inside it are the instants to try.
   */
  boolean someTimeWithin(Instant t, Duration slack, Predicate<Instant> condition) {
    Instant from = t.minus(slack);
    TreeSet<Instant> instants = new TreeSet<>();
    instants.add(from);
    instants.add(t);
    for (Transition tr : transitions) {
      if (tr.time().isAfter(from) && !tr.time().isAfter(t)) {
        instants.add(tr.time());
      }
    }
    return instants.stream().anyMatch(condition);
  }

  /** The pod's and the StatefulSet's transitions around {@code t}, for failure reports. */
  String around(String pod, String statefulSet, Instant t) {
    StringBuilder sb = new StringBuilder();
    for (Transition tr : transitions) {
      if ((tr.name().equals(pod) || tr.name().equals(statefulSet))
          && tr.time().isAfter(t.minusSeconds(60))
          && tr.time().isBefore(t.plusSeconds(1))) {
        sb.append("\n        ")
            .append(Duration.between(t, tr.time()).toMillis())
            .append("ms ")
            .append(tr)
            .append(tr.uid().isEmpty() ? "" : " uid " + tr.uid());
      }
    }
    return sb.toString();
  }
}
