package io.srcn.sdk;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The result of {@link ComputeNodeGroups#check}: every check in the order it ran.
 *
 * <p>Immutable and thread-safe.
 *
 * @param checks the checks
 */
public record PreflightReport(List<PreflightCheck> checks) {
  /** Copies the list. */
  public PreflightReport {
    checks = List.copyOf(checks);
  }

  /** True when no check FAILed (WARNs allowed). */
  public boolean passed() {
    return checks.stream().noneMatch(c -> c.result() == PreflightCheck.Result.FAIL);
  }

  /** One line per check. */
  public String toText() {
    return checks.stream().map(PreflightCheck::toString).collect(Collectors.joining("\n"));
  }
}
