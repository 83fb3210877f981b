package io.srcn.sdk.internal.status;

import java.time.Duration;
import java.time.Instant;

/**
 * Short human durations in the style of {@code kubectl} ages: {@code 45s}, {@code 3m20s}, {@code
 * 42m}, {@code 5h12m}, {@code 30h}, {@code 12d}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Durations {
  private Durations() {}

  /** The age of {@code time} seen from {@code now}; {@code 0s} for a time in the future. */
  public static String age(Instant time, Instant now) {
    return human(Duration.between(time, now));
  }

  /** A duration, rounded down to the two largest useful units; negative counts as zero. */
  public static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    long m = s / 60;
    long h = m / 60;
    if (s < 120) {
      return s + "s";
    }
    if (m < 10) {
      return m + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
    }
    if (h < 3) {
      return m + "m";
    }
    if (h < 8) {
      return h + "h" + (m % 60 == 0 ? "" : (m % 60) + "m");
    }
    if (h < 48) {
      return h + "h";
    }
    return (h / 24) + "d";
  }
}
