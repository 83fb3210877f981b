package io.srcn.examples.internal;

import io.srcn.sdk.GroupStatus;
import java.util.List;

/**
 * What a quick-start run observed, for tests and for the closing lines.
 *
 * <p>Immutable and thread-safe.
 *
 * @param deployed the status once the first pod served
 * @param scaledOut the status once {@link QuickStartGroup#PEAK} pods served
 * @param scaledIn the status once the group was back to one pod
 * @param deleted the status after the delete (no pods, nothing registered)
 * @param registered the addresses registered during the run (statuses and events)
 * @param dropped the addresses the FE was told to drop, in order (from the events)
 * @param feNodesLeft the addresses of the group that the FE still listed after the delete
 * @param seconds how long the run took
 */
public record QuickStartReport(
    GroupStatus deployed,
    GroupStatus scaledOut,
    GroupStatus scaledIn,
    GroupStatus deleted,
    List<String> registered,
    List<String> dropped,
    List<String> feNodesLeft,
    double seconds) {
  /** Copies the lists. */
  public QuickStartReport {
    registered = List.copyOf(registered);
    dropped = List.copyOf(dropped);
    feNodesLeft = List.copyOf(feNodesLeft);
  }
}
