package io.srcn.sdk;

import java.util.Objects;
import java.util.Optional;

/**
 * One named preflight check of {@link ComputeNodeGroups#check}: its result, a one-line reason, and
 * a fix when it did not pass. Never contains a secret value.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name a stable name, e.g. {@code kubernetes-api}, {@code fe-login 10.0.0.1:9030}
 * @param result PASS, WARN or FAIL
 * @param reason one line: what was found
 * @param fix what to do, when the result is not PASS
 */
public record PreflightCheck(String name, Result result, String reason, Optional<String> fix) {
  /** The outcome of a check. */
  public enum Result {
    /** The check found what a group needs. */
    PASS,
    /** A group works, but something is likely wrong or will be. */
    WARN,
    /** A group cannot work here as specified. */
    FAIL
  }

  /** Validates the parts. */
  public PreflightCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(fix, "fix");
  }

  static PreflightCheck pass(String name, String reason) {
    return new PreflightCheck(name, Result.PASS, reason, Optional.empty());
  }

  /** {@code RESULT name: reason (fix: ...)}, one line. */
  @Override
  public String toString() {
    return result + " " + name + ": " + reason + fix.map(f -> " (fix: " + f + ")").orElse("");
  }
}
