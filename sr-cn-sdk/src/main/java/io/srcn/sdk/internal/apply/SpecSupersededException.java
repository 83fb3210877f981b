package io.srcn.sdk.internal.apply;

import io.srcn.sdk.CnSdkException;

/**
 * A conditional apply found that the group's recorded spec is no longer the one the writer built
 * on: another writer (another session or process) recorded a newer spec since, or changed the
 * StatefulSet between the writer's read and its write (a 409 on the {@code resourceVersion}
 * precondition). Nothing of the writer's StatefulSet change was stored; the writer re-reads the
 * recorded spec and builds on it (the newest spec wins).
 *
 * <p>Immutable.
 */
public final class SpecSupersededException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  /** The spec was replaced in group {@code namespace/group}; {@code cause} is the 409, if any. */
  public SpecSupersededException(String namespace, String group, Throwable cause) {
    super(
        "the spec recorded on group "
            + namespace
            + "/"
            + group
            + " changed while it was being updated (another session or process wrote a newer"
            + " one); re-read it with ComputeNodeGroups.get and apply the change again",
        cause);
  }
}
