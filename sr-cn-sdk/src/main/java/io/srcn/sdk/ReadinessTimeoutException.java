package io.srcn.sdk;

/**
 * A wait (for example {@code awaitReady}) ran out of time. The message says what was awaited and
 * what was last observed.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class ReadinessTimeoutException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String group;
  private final String lastObserved;

  /** Creates an exception for a group that did not become ready in time. */
  public ReadinessTimeoutException(String group, String awaited, String lastObserved) {
    super("group " + group + ": timed out waiting for " + awaited + "; last seen: " + lastObserved);
    this.group = group;
    this.lastObserved = lastObserved;
  }

  /** The group ({@code namespace/name}) that was awaited. */
  public String group() {
    return group;
  }

  /** A summary of the state last observed. */
  public String lastObserved() {
    return lastObserved;
  }
}
