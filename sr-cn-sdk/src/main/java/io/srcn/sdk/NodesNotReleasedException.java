package io.srcn.sdk;

import java.util.List;

/**
 * {@code suspend()} or {@code delete()} marked the group and scaled it in, but could not drop its
 * nodes from the FE (the FE is unreachable or refused the statement). The group stays marked, so
 * nothing re-registers it; call the operation again once the FE is reachable, or let a controller
 * finish the work. The cause is the FE error.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class NodesNotReleasedException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String group;
  private final List<String> remaining;

  /** Creates an exception for group {@code namespace/name}. */
  public NodesNotReleasedException(String group, String message, Throwable cause) {
    this(group, message, cause, List.of());
  }

  /**
   * Creates an exception for group {@code namespace/name} whose objects are gone while the FE still
   * lists {@code remaining} (host:port of each node).
   */
  public NodesNotReleasedException(
      String group, String message, Throwable cause, List<String> remaining) {
    super(message, cause);
    this.group = group;
    this.remaining = List.copyOf(remaining);
  }

  /**
   * The nodes ({@code host:port}) the FE still listed when the operation gave up; empty when the FE
   * could not be listed at all.
   */
  public List<String> remaining() {
    return remaining;
  }

  /** The group ({@code namespace/name}). */
  public String group() {
    return group;
  }
}
