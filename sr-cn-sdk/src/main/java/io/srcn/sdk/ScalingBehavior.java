package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How fast the HorizontalPodAutoscaler may scale in one direction: the rules (none means the
 * Kubernetes default rules of that direction), the stabilization window (none means the Kubernetes
 * default: 0 s up, 300 s down) and the select policy. Built through {@link Autoscaling}'s {@code
 * scaleUp...}/{@code scaleDown...} methods, which validate it.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class ScalingBehavior {
  ScalingBehavior() {}

  static ScalingBehavior empty() {
    return ImmutableScalingBehavior.builder().build();
  }

  /** The rules; empty means the Kubernetes defaults. */
  public abstract List<ScalingRule> rules();

  /** The stabilization window, 0..3600 whole seconds; empty means the Kubernetes default. */
  public abstract Optional<Duration> stabilizationWindow();

  /** Which rule wins, or {@link SelectPolicy#DISABLED}; default {@link SelectPolicy#MAX}. */
  @Value.Default
  public SelectPolicy selectPolicy() {
    return SelectPolicy.MAX;
  }

  /** True when this direction is disabled. */
  public boolean isDisabled() {
    return selectPolicy() == SelectPolicy.DISABLED;
  }
}
