package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * One group's backoff after the FE refused an ADD or a DROP for a reason that retrying cannot fix:
 * an unknown warehouse, a syntax error (a clause this FE version does not know), a missing
 * privilege, a feature the FE does not implement. The statement is not sent again before a growing
 * delay (1 s, doubling, at most 5 minutes) has passed, and until then every pass reports the FE's
 * refusal, so the status stays Degraded with the FE's own message instead of flickering back to
 * healthy. A successful statement or a new spec (a new {@link GroupSync}) clears it.
 *
 * <p>Not thread-safe: owned by one {@link GroupSync}.
 */
final class Refusal {
  static final Duration FIRST = Duration.ofSeconds(1);
  static final Duration MAX = Duration.ofMinutes(5);

  private final String purpose;
  private CnSdkException last;
  private int count;
  private Instant retryAt = Instant.MIN;

  /** A refusal tracker for statements that {@code purpose}, e.g. "register pods". */
  Refusal(String purpose) {
    this.purpose = purpose;
  }

  /**
   * True when the FE's answer cannot change by sending the same statement again: a privilege, a
   * syntax error, an unknown warehouse, a feature not implemented. Outages and other statement
   * errors (a busy FE) are retried as before.
   */
  static boolean isPermanent(CnSdkException e) {
    if (e instanceof FrontendUnavailableException) {
      return false;
    }
    if (e instanceof FrontendAuthException) {
      return true;
    }
    if (!(e instanceof FrontendException)) {
      return false;
    }
    String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
    return m.contains("syntax error")
        || (m.contains("warehouse") && (m.contains("not exist") || m.contains("unknown")))
        || m.contains("not implemented")
        || m.contains("access denied")
        || m.contains("privilege");
  }

  /** True while the last refusal's backoff runs: the statement must not be sent. */
  boolean holds(Instant now) {
    return last != null && now.isBefore(retryAt);
  }

  /** Records a refusal; returns the error the status reports. */
  CnSdkException refused(CnSdkException e, Instant now) {
    count++;
    Duration delay = FIRST.multipliedBy(1L << Math.min(count - 1, 20));
    if (delay.compareTo(MAX) > 0) {
      delay = MAX;
    }
    retryAt = now.plus(delay);
    last =
        new CnSdkException(
            "the FE refused to "
                + purpose
                + ": "
                + e.getMessage()
                + " (refused "
                + count
                + (count == 1 ? " time" : " times")
                + "; not sent again for "
                + delay.toSeconds()
                + " s; fix the cause or change the spec)",
            e);
    return last;
  }

  /** The statement went through: forget the refusal. */
  void cleared() {
    last = null;
    count = 0;
    retryAt = Instant.MIN;
  }

  /** The refusal the status reports, while one is recorded. */
  Optional<CnSdkException> current() {
    return Optional.ofNullable(last);
  }
}
