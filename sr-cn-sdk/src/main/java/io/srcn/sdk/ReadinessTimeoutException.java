package io.srcn.sdk;

import java.util.Optional;

/**
 * A wait (for example {@code awaitReady}) ran out of time. The message says what was awaited and
 * what was last observed; {@link #lastStatus()} is the last status itself, to inspect its
 * conditions and nodes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class ReadinessTimeoutException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String group;
  private final transient GroupStatus lastStatus;

  /**
   * Creates an exception for a group that did not become ready in time.
   *
   * @param group the group, {@code namespace/name}
   * @param awaited what was awaited, e.g. "pods Ready, registered and Alive in the FE"
   * @param lastStatus the last status observed, or null when none was
   */
  public ReadinessTimeoutException(String group, String awaited, GroupStatus lastStatus) {
    super(
        "group "
            + group
            + ": timed out waiting for "
            + awaited
            + "; last seen: "
            + (lastStatus == null ? "nothing observed yet" : lastStatus.summary()));
    this.group = group;
    this.lastStatus = lastStatus;
  }

  /** The group ({@code namespace/name}) that was awaited. */
  public String group() {
    return group;
  }

  /** The last status observed before the time ran out, when there was one. */
  public Optional<GroupStatus> lastStatus() {
    return Optional.ofNullable(lastStatus);
  }
}
