package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import org.immutables.value.Value;

/**
 * How long each HTTP probe of the CN container ({@code GET /api/health} on the webserver port) may
 * fail before Kubernetes acts: the renderer probes every 5 s with {@code failureThreshold =
 * ceil(seconds / 5)}. {@code 0} disables that probe. Values are 0..86400 seconds.
 *
 * <p>Immutable and thread-safe; every {@code with} method returns a new value.
 */
@Value.Immutable
@SdkStyle
public abstract class Probes {
  /** The longest failure time accepted, one day. */
  public static final int MAX_SECONDS = 86400;

  Probes() {}

  /** Startup 300 s, liveness 15 s, readiness 15 s (as the official operator). */
  public static Probes defaults() {
    return ImmutableProbes.builder().build();
  }

  /** All three failure times at once. */
  public static Probes of(int startupSeconds, int livenessSeconds, int readinessSeconds) {
    return ImmutableProbes.builder()
        .startupFailureSeconds(startupSeconds)
        .livenessFailureSeconds(livenessSeconds)
        .readinessFailureSeconds(readinessSeconds)
        .build();
  }

  /** Time a starting CN may take before it is restarted (default 300; 0 = no startup probe). */
  @Value.Default
  public int startupFailureSeconds() {
    return 300;
  }

  /** Time a live CN may fail before it is restarted (default 15; 0 = no liveness probe). */
  @Value.Default
  public int livenessFailureSeconds() {
    return 15;
  }

  /** Time a CN may fail before it is marked unready (default 15; 0 = no readiness probe). */
  @Value.Default
  public int readinessFailureSeconds() {
    return 15;
  }

  /** A copy with this startup failure time. */
  public Probes startupFailureSeconds(int seconds) {
    return ImmutableProbes.builder().from(this).startupFailureSeconds(seconds).build();
  }

  /** A copy with this liveness failure time. */
  public Probes livenessFailureSeconds(int seconds) {
    return ImmutableProbes.builder().from(this).livenessFailureSeconds(seconds).build();
  }

  /** A copy with this readiness failure time. */
  public Probes readinessFailureSeconds(int seconds) {
    return ImmutableProbes.builder().from(this).readinessFailureSeconds(seconds).build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("probes");
    v.range("startupFailureSeconds", startupFailureSeconds(), 0, MAX_SECONDS);
    v.range("livenessFailureSeconds", livenessFailureSeconds(), 0, MAX_SECONDS);
    v.range("readinessFailureSeconds", readinessFailureSeconds(), 0, MAX_SECONDS);
    v.throwIfAny();
  }
}
