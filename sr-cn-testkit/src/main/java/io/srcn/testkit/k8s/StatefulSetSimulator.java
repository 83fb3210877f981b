package io.srcn.testkit.k8s;

import java.time.Duration;
import java.util.List;

/**
 * The StatefulSet controller and kubelet of a {@link MockKubernetes}: keeps pods {@code <sts>-<i>}
 * for i &lt; replicas (Parallel or OrderedReady), moves them Pending → Running → Ready after the
 * ready delay, terminates the highest ordinals on scale-in (deletionTimestamp, not ready, gone
 * after the termination delay), rolls pods highest ordinal first when the template changes, and
 * keeps the StatefulSet's status true. Faults let tests crash pods, fail readiness, delete pods and
 * freeze everything.
 *
 * <p>Thread-safe. Its requests are in-process and do not count in {@link
 * MockKubernetes#requests()}.
 */
public interface StatefulSetSimulator {
  /** The time from pod creation to Ready (default 20 ms). */
  Duration readyDelay();

  /** Sets the time from pod creation (or restart) to Ready; returns this. */
  StatefulSetSimulator readyDelay(Duration delay);

  /** The time a terminating pod stays in the store (default 20 ms). */
  Duration terminationDelay();

  /** Sets the time a terminating pod stays in the store; returns this. */
  StatefulSetSimulator terminationDelay(Duration delay);

  /**
   * Crashes the pod's containers: not ready, restartCount + 1, Ready again after the ready delay.
   */
  void crashPod(String namespace, String pod);

  /** Makes the pod fail (true) or pass (false) its readiness probe; survives pod re-creation. */
  void failReadiness(String namespace, String pod, boolean failing);

  /**
   * Deletes the pod gracefully, as {@code kubectl delete pod} does; its StatefulSet recreates it.
   */
  void deletePod(String namespace, String pod);

  /** Freezes (true) or resumes (false) the controller and kubelet; nothing changes while frozen. */
  void freeze(boolean frozen);

  /** Whether the simulator is frozen. */
  boolean frozen();

  /** The transitions so far, oldest first (at most 100 000 are kept). */
  List<Transition> history();

  /** Forgets the history. */
  void clearHistory();
}
