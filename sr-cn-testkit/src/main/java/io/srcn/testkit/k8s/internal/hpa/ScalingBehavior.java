package io.srcn.testkit.k8s.internal.hpa;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stateful part of the HPA algorithm for one autoscaler: stabilization over recent
 * recommendations and rate limits over recent scale events, exactly as the Kubernetes controller
 * computes them (including the legacy rules when the HPA has no {@code behavior}).
 *
 * <p>Not thread-safe; one instance per HPA, used from the controllers' thread.
 */
public final class ScalingBehavior {
  private record Recommendation(int replicas, Instant time) {}

  private static final class ScaleEvent {
    int change;
    Instant time;
    boolean outdated;

    ScaleEvent(int change, Instant time) {
      this.change = change;
      this.time = time;
    }
  }

  /**
   * The outcome of one normalization.
   *
   * @param replicas the desired replica count
   * @param ableReason reason of the AbleToScale condition
   * @param ableMessage message of the AbleToScale condition
   * @param limited whether the ScalingLimited condition is True
   * @param limitReason reason of the ScalingLimited condition
   * @param limitMessage message of the ScalingLimited condition
   */
  public record Result(
      int replicas,
      String ableReason,
      String ableMessage,
      boolean limited,
      String limitReason,
      String limitMessage) {}

  private final List<Recommendation> recommendations = new ArrayList<>();
  private final List<ScaleEvent> upEvents = new ArrayList<>();
  private final List<ScaleEvent> downEvents = new ArrayList<>();

  /**
   * Stabilizes and rate-limits a metric proposal.
   *
   * @param up scale-up rules, or null (with {@code down}) for an HPA without behavior
   * @param down scale-down rules, or null for an HPA without behavior
   */
  public Result normalize(
      Instant now,
      ScalingRules up,
      ScalingRules down,
      int current,
      int proposal,
      int min,
      int max) {
    if (up == null || down == null) {
      return legacy(now, current, proposal, min, max);
    }
    int stabilized = stabilize(now, up.windowSeconds(), down.windowSeconds(), current, proposal);
    String ableReason = "ReadyForNewScale";
    String ableMessage = "recommended size matches current size";
    if (stabilized != proposal) {
      boolean upward = proposal >= current;
      ableReason = upward ? "ScaleUpStabilized" : "ScaleDownStabilized";
      ableMessage =
          upward
              ? "recent recommendations were lower than current one, applying the lowest recent recommendation"
              : "recent recommendations were higher than current one, applying the highest recent recommendation";
    }
    String[] limit = {"DesiredWithinRange", "the desired count is within the acceptable range"};
    int desired = rateLimit(now, up, down, current, stabilized, min, max, limit);
    return new Result(desired, ableReason, ableMessage, desired != stabilized, limit[0], limit[1]);
  }

  /** Records a rescale (only HPAs with behavior keep scale events, as in Kubernetes). */
  public void recordScale(Instant now, ScalingRules up, ScalingRules down, int previous, int next) {
    if (up == null || down == null || previous == next) {
      return;
    }
    boolean scaleUp = next > previous;
    List<ScaleEvent> events = scaleUp ? upEvents : downEvents;
    int longest = (scaleUp ? up : down).longestPeriod();
    Instant cutoff = now.minusSeconds(longest);
    for (ScaleEvent e : events) {
      if (e.time.isBefore(cutoff)) {
        e.outdated = true;
      }
    }
    int change = Math.abs(next - previous);
    for (ScaleEvent e : events) {
      if (e.outdated) {
        e.change = change;
        e.time = now;
        e.outdated = false;
        return;
      }
    }
    events.add(new ScaleEvent(change, now));
  }

  private Result legacy(Instant now, int current, int proposal, int min, int max) {
    int stabilized = proposal;
    Instant cutoff = now.minus(Duration.ofSeconds(ScalingRules.DEFAULT_DOWN_WINDOW));
    int oldIndex = -1;
    for (int i = 0; i < recommendations.size(); i++) {
      Recommendation r = recommendations.get(i);
      if (r.time().isBefore(cutoff)) {
        oldIndex = i;
      } else if (r.replicas() > stabilized) {
        stabilized = r.replicas();
      }
    }
    remember(oldIndex, new Recommendation(proposal, now));
    String ableReason = stabilized != proposal ? "ScaleDownStabilized" : "ReadyForNewScale";
    String ableMessage =
        stabilized != proposal
            ? "recent recommendations were higher than current one, applying the highest recent recommendation"
            : "recommended size matches current size";
    int scaleUpLimit = (int) Math.max(2.0 * current, 4.0);
    int maximum;
    String[] limit = new String[2];
    if (max > scaleUpLimit) {
      maximum = scaleUpLimit;
      limit[0] = "ScaleUpLimit";
      limit[1] = "the desired replica count is increasing faster than the maximum scale rate";
    } else {
      maximum = max;
      limit[0] = "TooManyReplicas";
      limit[1] = "the desired replica count is more than the maximum replica count";
    }
    int desired = stabilized;
    if (stabilized < min) {
      desired = min;
      limit[0] = "TooFewReplicas";
      limit[1] = "the desired replica count is less than the minimum replica count";
    } else if (stabilized > maximum) {
      desired = maximum;
    } else {
      limit[0] = "DesiredWithinRange";
      limit[1] = "the desired count is within the acceptable range";
    }
    return new Result(desired, ableReason, ableMessage, desired != stabilized, limit[0], limit[1]);
  }

  private int stabilize(Instant now, int upWindow, int downWindow, int current, int proposal) {
    int upRecommendation = proposal;
    int downRecommendation = proposal;
    Instant upCutoff = now.minusSeconds(upWindow);
    Instant downCutoff = now.minusSeconds(downWindow);
    Instant oldCutoff = now.minusSeconds(Math.max(upWindow, downWindow));
    int oldIndex = -1;
    for (int i = 0; i < recommendations.size(); i++) {
      Recommendation r = recommendations.get(i);
      if (r.time().isAfter(upCutoff)) {
        upRecommendation = Math.min(r.replicas(), upRecommendation);
      }
      if (r.time().isAfter(downCutoff)) {
        downRecommendation = Math.max(r.replicas(), downRecommendation);
      }
      if (r.time().isBefore(oldCutoff)) {
        oldIndex = i;
      }
    }
    int recommendation = current;
    if (recommendation < upRecommendation) {
      recommendation = upRecommendation;
    }
    if (recommendation > downRecommendation) {
      recommendation = downRecommendation;
    }
    remember(oldIndex, new Recommendation(proposal, now));
    return recommendation;
  }

  private void remember(int oldIndex, Recommendation r) {
    if (oldIndex >= 0) {
      recommendations.set(oldIndex, r);
    } else {
      recommendations.add(r);
    }
  }

  private int rateLimit(
      Instant now,
      ScalingRules up,
      ScalingRules down,
      int current,
      int desired,
      int min,
      int max,
      String[] limit) {
    if (desired > current) {
      int scaleUpLimit = Math.max(upLimit(now, current, up), current);
      int maximum = max;
      if (maximum > scaleUpLimit) {
        maximum = scaleUpLimit;
        limit[0] = "ScaleUpLimit";
        limit[1] = "the desired replica count is increasing faster than the maximum scale rate";
      } else {
        limit[0] = "TooManyReplicas";
        limit[1] = "the desired replica count is more than the maximum replica count";
      }
      if (desired > maximum) {
        return maximum;
      }
    } else if (desired < current) {
      int scaleDownLimit = Math.min(downLimit(now, current, down), current);
      int minimum = min;
      if (minimum < scaleDownLimit) {
        minimum = scaleDownLimit;
        limit[0] = "ScaleDownLimit";
        limit[1] = "the desired replica count is decreasing faster than the maximum scale rate";
      } else {
        limit[0] = "TooFewReplicas";
        limit[1] = "the desired replica count is less than the minimum replica count";
      }
      if (desired < minimum) {
        return minimum;
      }
    }
    limit[0] = "DesiredWithinRange";
    limit[1] = "the desired count is within the acceptable range";
    return desired;
  }

  private int upLimit(Instant now, int current, ScalingRules rules) {
    if ("Disabled".equals(rules.selectPolicy())) {
      return current;
    }
    boolean min = "Min".equals(rules.selectPolicy());
    long result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
    for (ScalingRules.Policy p : rules.policies()) {
      int start =
          current
              - changeInPeriod(now, p.periodSeconds(), upEvents)
              + changeInPeriod(now, p.periodSeconds(), downEvents);
      long proposed =
          p.type().equals("Pods")
              ? (long) start + p.value()
              : (long) Math.ceil(start * (1 + p.value() / 100.0));
      result = min ? Math.min(result, proposed) : Math.max(result, proposed);
    }
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, result));
  }

  private int downLimit(Instant now, int current, ScalingRules rules) {
    if ("Disabled".equals(rules.selectPolicy())) {
      return current;
    }
    boolean min = "Min".equals(rules.selectPolicy());
    long result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
    for (ScalingRules.Policy p : rules.policies()) {
      int start =
          current
              - changeInPeriod(now, p.periodSeconds(), upEvents)
              + changeInPeriod(now, p.periodSeconds(), downEvents);
      long proposed =
          p.type().equals("Pods")
              ? (long) start - p.value()
              : (long) (start * (1 - p.value() / 100.0));
      result = min ? Math.max(result, proposed) : Math.min(result, proposed);
    }
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, result));
  }

  private static int changeInPeriod(Instant now, int periodSeconds, List<ScaleEvent> events) {
    Instant cutoff = now.minusSeconds(periodSeconds);
    int change = 0;
    for (ScaleEvent e : events) {
      if (e.time.isAfter(cutoff)) {
        change += e.change;
      }
    }
    return change;
  }
}
