package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.internal.spec.SpecRules;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * One HPA scaling policy: change by at most {@link #value()} pods (or percent of the current
 * replicas) per {@link #period()}.
 *
 * <pre>{@code
 * ScalingRule.pods(1).every(Duration.ofSeconds(10))   // at most one pod per 10 s
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class ScalingRule {
  /** The period used when {@link #every(Duration)} is not called: 15 s, as Kubernetes' defaults. */
  public static final Duration DEFAULT_PERIOD = Duration.ofSeconds(15);

  /** The largest value of a rule (pods or percent). */
  public static final int MAX_VALUE = 1000;

  /** The longest period Kubernetes accepts: 1800 s. */
  public static final Duration MAX_PERIOD = Duration.ofSeconds(1800);

  /** What {@link #value()} counts. */
  public enum Type {
    /** A number of pods (Kubernetes {@code Pods}). */
    PODS("Pods"),
    /** A percentage of the current replicas (Kubernetes {@code Percent}). */
    PERCENT("Percent");

    private final String kubernetesName;

    Type(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** The spelling in a Kubernetes HPA policy: {@code Pods} or {@code Percent}. */
    public String kubernetesName() {
      return kubernetesName;
    }
  }

  ScalingRule() {}

  /** At most {@code n} pods (1..1000) per period. */
  public static ScalingRule pods(int n) {
    return ImmutableScalingRule.builder().type(Type.PODS).value(n).build();
  }

  /** At most {@code p} percent (1..1000) of the current replicas per period. */
  public static ScalingRule percent(int p) {
    return ImmutableScalingRule.builder().type(Type.PERCENT).value(p).build();
  }

  /** Pods or percent. */
  public abstract Type type();

  /** The number of pods or the percentage, 1..1000. */
  public abstract int value();

  /** The period the rule applies to, 1..1800 whole seconds (default 15 s). */
  @Value.Default
  public Duration period() {
    return DEFAULT_PERIOD;
  }

  /** A copy of this rule applying per {@code period} (1..1800 whole seconds). */
  public ScalingRule every(Duration period) {
    return ImmutableScalingRule.builder()
        .from(this)
        .period(SpecRules.nonNull("rule.period", period))
        .build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("rule");
    v.range("value", value(), 1, MAX_VALUE);
    v.require(
        isWholeSeconds(period())
            && period().getSeconds() >= 1
            && period().compareTo(MAX_PERIOD) <= 0,
        "period",
        () -> period() + " must be 1..1800 whole seconds");
    v.throwIfAny();
  }

  static boolean isWholeSeconds(Duration d) {
    return d.getNano() == 0;
  }
}
