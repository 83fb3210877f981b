package io.srcn.sdk;

import java.util.List;

/**
 * A status document ({@link GroupStatus#toJson()}) cannot be read by {@link GroupStatus#fromJson}:
 * it is not JSON, or fields are missing or mistyped. Lists every problem with its path, e.g. {@code
 * status.nodes[1].ordinal}. A subclass of {@link InvalidSpecException} only because it reports
 * violations the same way; it never means a spec is wrong.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class InvalidStatusException extends InvalidSpecException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception listing the given violations (at least one). */
  public InvalidStatusException(List<Violation> violations) {
    super("status document", violations);
  }
}
