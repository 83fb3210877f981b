package io.srcn.sdk.internal;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The SDK's one exponential backoff: the nominal n-th pause is {@code min(max, initial * 2^n)}.
 * Polls and retries inside one process use the nominal pause ({@link #nominal}); clients of a
 * shared server use "equal jitter" ({@link #delayNanos}): half of the nominal pause plus a random
 * share of the other half, so clients that lost the same FE do not come back in lockstep, yet each
 * waits at least half the nominal time.
 *
 * <p>Immutable and thread-safe when the random source is.
 */
public final class Backoff {
  private final long initialNanos;
  private final long maxNanos;
  private final DoubleSupplier random;

  /**
   * Creates a backoff.
   *
   * @param random a source of values in [0, 1)
   */
  public Backoff(Duration initial, Duration max, DoubleSupplier random) {
    this.initialNanos = initial.toNanos();
    this.maxNanos = max.toNanos();
    this.random = random;
  }

  /** A backoff without jitter, for {@link #nominal} pauses. */
  public static Backoff doubling(Duration initial, Duration max) {
    return new Backoff(initial, max, () -> 0.0);
  }

  /** The nominal pause (without jitter) after {@code round} rounds, counting from 0. */
  public Duration nominal(int round) {
    return Duration.ofNanos(nominalNanos(round));
  }

  /** The nominal pause (without jitter) after {@code round} failed rounds, counting from 0. */
  public long nominalNanos(int round) {
    long d = initialNanos;
    for (int i = 0; i < round && d < maxNanos; i++) {
      d = d > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : d * 2;
    }
    return Math.min(d, maxNanos);
  }

  /** The pause after {@code round} failed rounds: in [nominal/2, nominal). */
  public long delayNanos(int round) {
    long nominal = nominalNanos(round);
    long half = nominal / 2;
    return half + (long) (random.getAsDouble() * (nominal - half));
  }
}
