package io.srcn.testkit.k8s.internal.hpa;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metric values tests set: per scale target (resource utilization), per pod, and per HPA.
 *
 * <p>Thread-safe.
 */
public final class MetricValues {
  private final Map<String, Double> byTarget = new ConcurrentHashMap<>();
  private final Map<String, Double> byPod = new ConcurrentHashMap<>();
  private final Map<String, Double> byHpa = new ConcurrentHashMap<>();

  /** Sets a target-wide resource utilization. */
  public void target(String namespace, String target, String resource, double value) {
    byTarget.put(key(namespace, target, resource), value);
  }

  /** Sets one pod's value of a metric. */
  public void pod(String namespace, String pod, String metric, double value) {
    byPod.put(key(namespace, pod, metric), value);
  }

  /** Sets an HPA's value of a metric. */
  public void hpa(String namespace, String hpa, String metric, double value) {
    byHpa.put(key(namespace, hpa, metric), value);
  }

  /** Forgets everything. */
  public void clear() {
    byTarget.clear();
    byPod.clear();
    byHpa.clear();
  }

  /** A pod's resource utilization: its own value, else the target-wide one, else null. */
  Double resource(String namespace, String target, String pod, String resource) {
    Double own = byPod.get(key(namespace, pod, resource));
    return own != null ? own : byTarget.get(key(namespace, target, resource));
  }

  /** A pod's Pods-metric value: its own, else the HPA-wide one, else null. */
  Double podMetric(String namespace, String hpa, String pod, String metric) {
    Double own = byPod.get(key(namespace, pod, metric));
    return own != null ? own : byHpa.get(key(namespace, hpa, metric));
  }

  /** An HPA's Object or External metric value, or null. */
  Double hpaMetric(String namespace, String hpa, String metric) {
    return byHpa.get(key(namespace, hpa, metric));
  }

  private static String key(String a, String b, String c) {
    return a + "\u0000" + b + "\u0000" + c;
  }
}
