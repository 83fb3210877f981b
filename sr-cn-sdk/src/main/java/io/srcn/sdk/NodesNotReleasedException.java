package io.srcn.sdk;

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

  /** Creates an exception for group {@code namespace/name}. */
  public NodesNotReleasedException(String group, String message, Throwable cause) {
    super(message, cause);
    this.group = group;
  }

  /** The group ({@code namespace/name}). */
  public String group() {
    return group;
  }
}
