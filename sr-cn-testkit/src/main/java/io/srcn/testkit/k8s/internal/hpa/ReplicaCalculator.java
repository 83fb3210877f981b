package io.srcn.testkit.k8s.internal.hpa;

import java.util.ArrayList;
import java.util.List;

/**
 * The HPA replica calculation of Kubernetes for one metric, as a pure function: usage ratio against
 * the target, the tolerance, missing metrics (100% of target on scale-down, 0 on scale-up), unready
 * pods (0 on scale-up) and the "no change of direction" rule.
 *
 * <p>Stateless and thread-safe.
 */
public final class ReplicaCalculator {
  /** The default tolerance. */
  public static final double TOLERANCE = 0.1;

  private ReplicaCalculator() {}

  /**
   * A proposal, with the average usage observed (before the missing/unready corrections).
   *
   * @param replicas the proposed replica count
   * @param usage the average usage over pods with samples
   */
  public record Proposal(int replicas, double usage) {}

  /**
   * Replicas for an average-per-pod target (Resource utilization or average value, Pods metrics).
   *
   * @param cpu whether not-Ready pods count as unready (the CPU rule)
   * @param missingFallback the value assumed for pods without metrics on scale-down (100% for
   *     utilization, the target for values)
   * @throws IllegalStateException naming the problem when there are no pods or no usable samples
   */
  public static Proposal perPod(
      int current,
      List<PodSample> pods,
      double target,
      boolean cpu,
      double missingFallback,
      double tolerance) {
    if (pods.isEmpty()) {
      throw new IllegalStateException(
          "no pods returned by selector while calculating replica count");
    }
    List<Double> ready = new ArrayList<>();
    int unready = 0;
    int missing = 0;
    for (PodSample p : pods) {
      if (p.ignored()) {
        continue;
      }
      if (p.pending()) {
        unready++;
      } else if (p.value() == null) {
        missing++;
      } else if (cpu && !p.ready()) {
        unready++;
      } else {
        ready.add(p.value());
      }
    }
    if (ready.isEmpty()) {
      throw new IllegalStateException(
          "did not receive metrics for targeted pods (pods might be unready)");
    }
    double usage = sum(ready) / ready.size();
    double ratio = usage / target;
    boolean scaleUpWithUnready = unready > 0 && ratio > 1.0;
    if (!scaleUpWithUnready && missing == 0) {
      if (Math.abs(1.0 - ratio) <= tolerance) {
        return new Proposal(current, usage);
      }
      return new Proposal((int) Math.ceil(ratio * ready.size()), usage);
    }
    List<Double> all = new ArrayList<>(ready);
    if (missing > 0) {
      double fill = ratio < 1.0 ? missingFallback : 0;
      if (ratio != 1.0) {
        for (int i = 0; i < missing; i++) {
          all.add(fill);
        }
      }
    }
    if (scaleUpWithUnready) {
      for (int i = 0; i < unready; i++) {
        all.add(0.0);
      }
    }
    double newRatio = sum(all) / all.size() / target;
    if (Math.abs(1.0 - newRatio) <= tolerance
        || (ratio < 1.0 && newRatio > 1.0)
        || (ratio > 1.0 && newRatio < 1.0)) {
      return new Proposal(current, usage);
    }
    int replicas = (int) Math.ceil(newRatio * all.size());
    if ((newRatio < 1.0 && replicas > current) || (newRatio > 1.0 && replicas < current)) {
      return new Proposal(current, usage);
    }
    return new Proposal(replicas, usage);
  }

  /** Replicas for a whole-value target (Object or External metric with a Value target). */
  public static int value(
      int current, int readyPods, double usage, double target, double tolerance) {
    double ratio = usage / target;
    if (current == 0) {
      return (int) Math.ceil(ratio);
    }
    if (Math.abs(1.0 - ratio) <= tolerance) {
      return current;
    }
    return (int) Math.ceil(ratio * readyPods);
  }

  /** Replicas for an average-value target of an Object or External metric. */
  public static int averageValue(
      int statusReplicas, double usage, double targetAverage, double tolerance) {
    double ratio = usage / (targetAverage * statusReplicas);
    if (Math.abs(1.0 - ratio) > tolerance) {
      return (int) Math.ceil(usage / targetAverage);
    }
    return statusReplicas;
  }

  private static double sum(List<Double> values) {
    double s = 0;
    for (double v : values) {
      s += v;
    }
    return s;
  }
}
