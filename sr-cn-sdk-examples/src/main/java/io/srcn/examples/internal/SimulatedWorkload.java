package io.srcn.examples.internal;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.testkit.k8s.HpaSimulator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A workload for the testkit's HPA simulator that behaves like real load: a total CPU and memory
 * demand, in percent of one pod's request, spread evenly over the group's pods. 240 % CPU on one
 * pod is 120 % on each of two and 60 % on each of four, so an HPA targeting 60 % settles at four
 * pods instead of climbing to its maximum (the simulator alone keeps whatever per-pod value it was
 * given).
 *
 * <p>A pod takes its share as soon as it exists. While scaling up, the HPA counts a pod that is not
 * Ready yet as idle (as Kubernetes does), so the demand it sees stays the same while new pods
 * start, and it does not overshoot when they turn Ready.
 *
 * <p>{@link #spreadNow()} applies the demand once (for the simulator's manual clock: call it before
 * each {@code tick}); {@link #follow(Duration)} re-applies it on a daemon thread as pods come and
 * go (for real time).
 *
 * <p>Thread-safe.
 */
public final class SimulatedWorkload implements AutoCloseable {
  private final HpaSimulator hpa;
  private final KubernetesClient kube;
  private final String namespace;
  private final String statefulSet;
  private volatile int cpuDemand;
  private volatile int memoryDemand;
  private ScheduledExecutorService follower;

  /** A workload on the pods of {@code group}, initially idle (no demand). */
  public SimulatedWorkload(HpaSimulator hpa, KubernetesClient kube, ComputeNodeGroupSpec group) {
    this.hpa = hpa;
    this.kube = kube;
    this.namespace = group.namespace();
    this.statefulSet = group.render().statefulSet().getMetadata().getName();
  }

  /**
   * Sets the total demand and applies it at once.
   *
   * @param cpuPercent total CPU demand in percent of one pod's CPU request
   * @param memoryPercent total memory demand in percent of one pod's memory request
   */
  public void demand(int cpuPercent, int memoryPercent) {
    if (cpuPercent < 0 || memoryPercent < 0) {
      throw new IllegalArgumentException("demand must be >= 0");
    }
    this.cpuDemand = cpuPercent;
    this.memoryDemand = memoryPercent;
    spreadNow();
  }

  /** Spreads the demand over the pods that exist now; returns their number (at least 1). */
  public int spreadNow() {
    int pods = Math.max(1, pods());
    hpa.setCpuUtilization(namespace, statefulSet, ceilDiv(cpuDemand, pods));
    hpa.setMemoryUtilization(namespace, statefulSet, ceilDiv(memoryDemand, pods));
    return pods;
  }

  /** Re-spreads the demand every {@code period} on a daemon thread until closed. */
  public synchronized SimulatedWorkload follow(Duration period) {
    if (follower == null) {
      follower =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "srcn-workload");
                t.setDaemon(true);
                return t;
              });
      follower.scheduleWithFixedDelay(
          this::spreadQuietly, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }
    return this;
  }

  private void spreadQuietly() {
    try {
      spreadNow();
    } catch (RuntimeException e) {
      // the API server may be stopping; the next round tries again
    }
  }

  private int pods() {
    StatefulSet sts = kube.apps().statefulSets().inNamespace(namespace).withName(statefulSet).get();
    return Optional.ofNullable(sts).map(StatefulSet::getStatus).map(s -> s.getReplicas()).orElse(0);
  }

  private static int ceilDiv(int total, int parts) {
    return (total + parts - 1) / parts;
  }

  /** Stops following. */
  @Override
  public synchronized void close() {
    if (follower != null) {
      follower.shutdownNow();
    }
  }
}
