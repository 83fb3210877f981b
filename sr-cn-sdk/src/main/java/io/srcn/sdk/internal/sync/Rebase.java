package io.srcn.sdk.internal.sync;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;

/**
 * Builds on the spec recorded on a group's StatefulSet (the newest one written, by any session or
 * process) instead of the spec a handle or controller last held. The recorded spec never carries a
 * literal password; when it names the same literal user as the spec held here, the held credentials
 * are kept, so the rebased spec can still log in.
 *
 * <p>Stateless and thread-safe.
 */
final class Rebase {
  private Rebase() {}

  /** {@code recorded}, with the credentials of {@code held} where the recorded spec omits them. */
  static ComputeNodeGroupSpec onto(ComputeNodeGroupSpec recorded, ComputeNodeGroupSpec held) {
    if (recorded.frontend().isEmpty() || held.frontend().isEmpty()) {
      return recorded;
    }
    Frontend theirs = recorded.frontend().get();
    Credentials mine = held.frontend().get().credentials();
    if (theirs.credentials().literalUser().isPresent()
        && theirs.credentials().literalUser().equals(mine.literalUser())) {
      return recorded.registerWith(theirs.credentials(mine));
    }
    return recorded;
  }
}
