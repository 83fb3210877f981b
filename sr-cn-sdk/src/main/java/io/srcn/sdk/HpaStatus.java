package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The group's HorizontalPodAutoscaler as last observed: its bounds, what it has and what it wants,
 * and when it last scaled.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class HpaStatus {
  HpaStatus() {}

  /** A new builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code spec.minReplicas}. */
  public abstract int minReplicas();

  /** {@code spec.maxReplicas}. */
  public abstract int maxReplicas();

  /** {@code status.currentReplicas}: the replicas the HPA last saw. */
  public abstract int currentReplicas();

  /** {@code status.desiredReplicas}: the replicas the HPA last asked for. */
  public abstract int desiredReplicas();

  /** {@code status.lastScaleTime}, when the HPA has scaled at least once. */
  public abstract Optional<Instant> lastScaleTime();

  /** The API version the HPA was read with, e.g. {@code autoscaling/v2}. */
  public abstract Optional<String> apiVersion();

  /** True when the HPA wants another number of replicas than it has. */
  public boolean isScaling() {
    return desiredReplicas() != currentReplicas();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("hpa");
    v.require(minReplicas() >= 0, "minReplicas", minReplicas() + " must be >= 0");
    v.require(maxReplicas() >= 1, "maxReplicas", maxReplicas() + " must be >= 1");
    v.require(
        minReplicas() <= maxReplicas(),
        "minReplicas",
        minReplicas() + " must be <= maxReplicas " + maxReplicas());
    v.require(currentReplicas() >= 0, "currentReplicas", currentReplicas() + " must be >= 0");
    v.require(desiredReplicas() >= 0, "desiredReplicas", desiredReplicas() + " must be >= 0");
    apiVersion().ifPresent(a -> v.require(!a.isBlank(), "apiVersion", "must not be blank"));
    v.throwIfAny();
  }

  /** Builds an {@link HpaStatus}. Not thread-safe. */
  public static final class Builder extends ImmutableHpaStatus.Builder {
    Builder() {}
  }
}
