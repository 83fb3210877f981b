package io.srcn.sdk;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec (or part of one) is invalid. Lists <em>every</em> violation found, each with the path of
 * the field, e.g. {@code autoscaling.minReplicas: 12 must be <= maxReplicas 10}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class InvalidSpecException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  /** One violated rule: the path of the offending field and what is wrong with it. */
  public record Violation(String path, String message) {
    @Override
    public String toString() {
      return path + ": " + message;
    }
  }

  private final List<Violation> violations;

  /** Creates an exception listing the given violations (at least one). */
  public InvalidSpecException(List<Violation> violations) {
    this("spec", violations);
  }

  /** Creates an exception about an invalid {@code what} (for subclasses), e.g. "status". */
  protected InvalidSpecException(String what, List<Violation> violations) {
    super(format(what, violations));
    this.violations = List.copyOf(violations);
  }

  /** Creates an exception with one message; used for missing mandatory attributes. */
  public InvalidSpecException(String message) {
    this(List.of(new Violation("spec", message)));
  }

  /** The violations, in the order they were found. */
  public List<Violation> violations() {
    return violations;
  }

  private static String format(String what, List<Violation> violations) {
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("an InvalidSpecException needs at least one violation");
    }
    String lines =
        violations.stream()
            .map(v -> "  - " + v)
            .collect(Collectors.joining(System.lineSeparator()));
    return "invalid "
        + what
        + " ("
        + violations.size()
        + (violations.size() == 1 ? " violation" : " violations")
        + "):"
        + System.lineSeparator()
        + lines;
  }
}
