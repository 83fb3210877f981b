package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.HostPort;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one reconcile pass should change on the FE, decided by {@link RegistrationPlanner}.
 *
 * @param toAdd addresses of serving pods the FE does not list, in ordinal order (one batched ADD)
 * @param ledgerAdd ledger entries (address to pod name) to write before the ADD: IP mode, and a
 *     group registering names on an FE known to store IPs (the IP the FE will store)
 * @param toDrop owned nodes to drop (pod gone and ordinal at or beyond replicas, or a stale
 *     incarnation), in ordinal order (one batched DROP)
 * @param ledgerStale IP mode: ledger entries that no longer name an FE node, are not about to be
 *     added and belong to no existing pod; removed without any DROP once a fresh listing confirms
 *     that the FE does not list them
 * @param owned every owned node the FE lists
 * @param ghosts owned nodes no existing pod answers to (a subset of {@code owned})
 * @param mismatched FQDN mode: serving pods the FE lists by IP instead of by name (the FE runs in
 *     IP mode); never re-added in a loop
 * @param ledgerAdopt FQDN mode: FE entries at a pod's current IP that the ledger does not hold yet
 *     (what an IP-mode FE stored for an ADD of the pod's name), to record as owned
 */
record RegistrationPlan(
    List<HostPort> toAdd,
    Map<HostPort, String> ledgerAdd,
    List<OwnedNode> toDrop,
    Set<HostPort> ledgerStale,
    List<OwnedNode> owned,
    List<OwnedNode> ghosts,
    List<PodView> mismatched,
    Map<HostPort, String> ledgerAdopt) {

  /** True when nothing needs to change on the FE or in the ledger. */
  boolean isNoop() {
    return toAdd.isEmpty() && toDrop.isEmpty() && ledgerStale.isEmpty() && ledgerAdopt.isEmpty();
  }

  /** The addresses of the nodes to drop. */
  List<HostPort> dropAddresses() {
    return toDrop.stream().map(n -> n.node().address()).toList();
  }
}
