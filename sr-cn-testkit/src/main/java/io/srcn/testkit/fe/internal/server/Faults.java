package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.state.FeError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Injected faults: errors for the next N matching statements, a per-statement latency, refused
 * logins.
 *
 * <p>Thread-safe.
 */
public final class Faults {
  private static final class Failure {
    final Predicate<String> matcher;
    final FeError error;
    int remaining;

    Failure(Predicate<String> matcher, FeError error, int remaining) {
      this.matcher = matcher;
      this.error = error;
      this.remaining = remaining;
    }
  }

  private final List<Failure> failures = new ArrayList<>();
  private volatile boolean anyFailures; // lock-free fast path for the common case
  private volatile Duration latency = Duration.ZERO;
  private volatile boolean refuseLogins;

  /** The next {@code n} statements matching {@code matcher} fail with {@code error}. */
  public synchronized void failNext(int n, Predicate<String> matcher, FeError error) {
    if (n < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + n);
    }
    if (n > 0) {
      failures.add(new Failure(matcher, error, n));
      anyFailures = true;
    }
  }

  /** Removes every pending failure. */
  public synchronized void clearFailures() {
    failures.clear();
    anyFailures = false;
  }

  /** The error for {@code sql} when a pending failure matches it (consuming one count). */
  public Optional<FeError> takeFailure(String sql) {
    if (!anyFailures) {
      return Optional.empty();
    }
    synchronized (this) {
      for (int i = 0; i < failures.size(); i++) {
        Failure f = failures.get(i);
        if (matches(f.matcher, sql)) {
          if (--f.remaining == 0) {
            failures.remove(i);
            anyFailures = !failures.isEmpty();
          }
          return Optional.of(f.error);
        }
      }
      return Optional.empty();
    }
  }

  private static boolean matches(Predicate<String> matcher, String sql) {
    try {
      return matcher.test(sql);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** Sets the delay added before each statement is answered. */
  public void latency(Duration perStatement) {
    if (perStatement.isNegative()) {
      throw new IllegalArgumentException("latency must not be negative: " + perStatement);
    }
    this.latency = perStatement;
  }

  /** The delay added before each statement is answered. */
  public Duration latency() {
    return latency;
  }

  /** Makes every login fail (or succeed again). */
  public void refuseLogins(boolean refuse) {
    this.refuseLogins = refuse;
  }

  /** True when logins are refused. */
  public boolean refuseLogins() {
    return refuseLogins;
  }
}
