package io.srcn.testkit.k8s;

import java.time.Duration;
import java.time.Instant;

/**
 * The HorizontalPodAutoscaler controller of a {@link MockKubernetes} ({@code autoscaling/v2},
 * {@code v2beta2} and {@code v1} objects targeting anything with a {@code /scale} subresource).
 * Tests set metric values; the simulator computes desired replicas with the Kubernetes algorithm
 * (usage ratio with 0.1 tolerance, missing and not-ready pods handled conservatively, the largest
 * proposal over metrics, min/max clamp), applies {@code behavior} (policies, selectPolicy including
 * Disabled, stabilization windows; without behavior: 300 s scale-down stabilization and a scale-up
 * limit of max(2 × current, 4)), writes the HPA status and scales the target through {@code
 * /scale}.
 *
 * <p>Values can also come from annotations, for kubectl users of the standalone server: {@code
 * metrics.srcn.io/<metric>} on a pod (its value) or on the HPA (every pod's value, or the Object or
 * External metric's value), e.g. {@code kubectl annotate pod web-0 metrics.srcn.io/cpu=90}. Values
 * set through this interface take precedence.
 *
 * <p>By default the clock is manual: nothing happens until {@link #tick(Duration)}. Metric values:
 * {@code cpu} and {@code memory} are utilization percentages of the pods' requests; other names are
 * raw metric values. Simplifications: utilization is averaged over pods with equal weight; a CPU
 * sample of a not-Ready pod counts as unready (no initialization-period rule).
 *
 * <p>Thread-safe. Its requests are in-process and do not count in {@link
 * MockKubernetes#requests()}.
 */
public interface HpaSimulator {
  /** Sets the CPU utilization (percent of request) of every pod of the scale target. */
  void setCpuUtilization(String namespace, String target, int percent);

  /** Sets the memory utilization (percent of request) of every pod of the scale target. */
  void setMemoryUtilization(String namespace, String target, int percent);

  /**
   * Sets one pod's metric ({@code cpu}/{@code memory}: utilization percent; otherwise a Pods-metric
   * value); overrides target-wide values for that pod.
   */
  void setPodMetric(String namespace, String pod, String metric, double value);

  /**
   * Sets a metric of one HPA by metric name: the value of an Object or External metric, or the
   * value every pod reports for a Pods metric.
   */
  void setMetric(String namespace, String hpa, String metricName, double value);

  /** Forgets every metric value set so far (pods without a value are missing metrics). */
  void clearMetrics();

  /**
   * Advances the manual clock and runs one sync of every HPA, returning when the HPAs' status and
   * scale writes are done (the StatefulSet simulator then reacts asynchronously).
   *
   * @throws IllegalStateException when the simulator runs in real time
   */
  void tick(Duration elapsed);

  /** Switches to the system clock with a sync every {@code period} (Kubernetes: 15 s). */
  void realTime(Duration period);

  /** The simulator's current time. */
  Instant now();
}
