package io.srcn.sdk.internal.check;

import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.PreflightCheck.Result;
import java.util.Optional;

/**
 * Builds {@link PreflightCheck}s: a PASS has no fix, a WARN or FAIL always has one.
 *
 * <p>Stateless and thread-safe.
 */
final class Checks {
  private Checks() {}

  static PreflightCheck pass(String name, String reason) {
    return new PreflightCheck(name, Result.PASS, reason, Optional.empty());
  }

  static PreflightCheck warn(String name, String reason, String fix) {
    return new PreflightCheck(name, Result.WARN, reason, Optional.of(fix));
  }

  static PreflightCheck fail(String name, String reason, String fix) {
    return new PreflightCheck(name, Result.FAIL, reason, Optional.of(fix));
  }
}
