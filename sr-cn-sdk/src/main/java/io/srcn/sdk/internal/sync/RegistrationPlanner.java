package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.naming.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Decides, as a pure function of what was observed, which addresses a group must add to and drop
 * from the FE. The registration rules (DESIGN.md):
 *
 * <ul>
 *   <li>A pod is added when it is Ready, not terminating, and its ordinal is below the
 *       StatefulSet's replicas.
 *   <li>A node is dropped only when the group owns it and the pod it was registered for is gone
 *       with its ordinal at or beyond the replicas, or when the node is a stale incarnation (IP
 *       mode: the pod now has another IP; any mode: the pod now serves another heartbeat port and
 *       is Ready). With {@code force}, every owned node is dropped (the last step of a bounded
 *       delete).
 *   <li>A pod that is restarting or being recreated below the replicas keeps its registration.
 *   <li>Nodes the group does not own are never touched. The group owns the addresses in its ledger
 *       (any mode) and, registering by name, its FQDN pattern. Registering by name on an FE that
 *       stores IPs, the IP the FE will store is recorded before the ADD, and an entry at a pod's
 *       current IP is adopted when seen, so IP entries are dropped like IP-mode ones (a ledger
 *       entry with an IP is a stale incarnation once its pod has another IP).
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
final class RegistrationPlanner {
  private RegistrationPlanner() {}

  /**
   * Plans one pass.
   *
   * @param id the group
   * @param replicas the StatefulSet's {@code spec.replicas} (0 when suspending or deleting)
   * @param pods the group's pods
   * @param feNodes every node the FE lists (all groups, all owners)
   * @param ledger IP mode: the addresses the group registered, with the pod each was for
   * @param force drop every owned node, whatever the pods do
   */
  static RegistrationPlan plan(
      GroupIdentity id,
      int replicas,
      List<PodView> pods,
      List<FeNode> feNodes,
      Map<HostPort, String> ledger,
      boolean force) {
    Map<Integer, PodView> podsByOrdinal = new HashMap<>();
    pods.forEach(p -> podsByOrdinal.put(p.ordinal(), p));
    FeListingIndex index = FeListingIndex.of(feNodes);
    Map<HostPort, FeNode> listed = index.listed();

    List<OwnedNode> owned = owned(id, index, ledger);
    List<HostPort> toAdd = new ArrayList<>();
    Map<HostPort, String> ledgerAdd = new LinkedHashMap<>();
    List<PodView> mismatched = new ArrayList<>();
    if (!force) {
      planAdds(id, replicas, pods, listed, toAdd, ledgerAdd, mismatched);
    }
    List<OwnedNode> toDrop = new ArrayList<>();
    List<OwnedNode> ghosts = new ArrayList<>();
    for (OwnedNode node : owned) {
      PodView pod = podsByOrdinal.get(node.ordinal());
      boolean answered = pod != null && answersTo(id, pod, node.node().address());
      if (!answered) {
        ghosts.add(node);
      }
      if (force || shouldDrop(id, replicas, node, pod, listed)) {
        toDrop.add(node);
      }
    }
    Set<HostPort> ledgerStale = stale(id, pods, listed, ledger, ledgerAdd);
    Map<HostPort, String> ledgerAdopt = id.ipMode() ? Map.of() : adopt(id, pods, listed, ledger);
    return new RegistrationPlan(
        List.copyOf(toAdd),
        Map.copyOf(ledgerAdd),
        List.copyOf(toDrop),
        Set.copyOf(ledgerStale),
        List.copyOf(owned),
        List.copyOf(ghosts),
        List.copyOf(mismatched),
        Map.copyOf(ledgerAdopt));
  }

  /**
   * FQDN mode: FE entries at a pod's current IP the ledger does not hold. Only an FE that resolved
   * an ADD of the pod's name stores that (the IP is the pod's own), so the group owns it.
   */
  private static Map<HostPort, String> adopt(
      GroupIdentity id,
      List<PodView> pods,
      Map<HostPort, FeNode> listed,
      Map<HostPort, String> ledger) {
    Set<HostPort> held = new HashSet<>();
    ledger.keySet().forEach(a -> held.add(normalize(a)));
    Map<HostPort, String> adopt = new LinkedHashMap<>();
    for (PodView pod : pods) {
      id.ipAddressOf(pod)
          .filter(a -> listed.containsKey(a) && !held.contains(a))
          .ifPresent(a -> adopt.put(a, pod.name()));
    }
    return adopt;
  }

  private static void planAdds(
      GroupIdentity id,
      int replicas,
      List<PodView> pods,
      Map<HostPort, FeNode> listed,
      List<HostPort> toAdd,
      Map<HostPort, String> ledgerAdd,
      List<PodView> mismatched) {
    pods.stream()
        .filter(p -> p.serving() && p.ordinal() < replicas)
        .sorted(Comparator.comparingInt(PodView::ordinal))
        .forEach(
            pod -> {
              Optional<HostPort> address = id.addressOf(pod);
              if (address.isEmpty() || listed.containsKey(normalize(address.get()))) {
                return;
              }
              if (!id.ipMode() && listedByIp(pod, listed)) {
                mismatched.add(pod);
                return;
              }
              toAdd.add(address.get());
              if (id.ipMode()) {
                ledgerAdd.put(address.get(), pod.name());
              } else if (id.feStoresIps()) {
                id.ipAddressOf(pod).ifPresent(ip -> ledgerAdd.put(ip, pod.name()));
              }
            });
  }

  /**
   * Ledger entries that name no FE node, are not about to be added, and whose pod incarnation is
   * gone (no pod of the group has that address any more). The entry of an existing pod is kept even
   * when the snapshot does not list it: the snapshot may predate another engine's ADD, and
   * forgetting the entry of a registered node would leave that node without an owner for good.
   */
  private static Set<HostPort> stale(
      GroupIdentity id,
      List<PodView> pods,
      Map<HostPort, FeNode> listed,
      Map<HostPort, String> ledger,
      Map<HostPort, String> ledgerAdd) {
    Set<HostPort> current = new HashSet<>();
    pods.forEach(p -> id.addressOf(p).ifPresent(a -> current.add(normalize(a))));
    pods.forEach(p -> id.ipAddressOf(p).ifPresent(current::add));
    Set<HostPort> stale = new LinkedHashSet<>();
    for (HostPort address : ledger.keySet()) {
      HostPort a = normalize(address);
      if (!listed.containsKey(a) && !ledgerAdd.containsKey(address) && !current.contains(a)) {
        stale.add(address);
      }
    }
    return stale;
  }

  private static boolean shouldDrop(
      GroupIdentity id, int replicas, OwnedNode node, PodView pod, Map<HostPort, FeNode> listed) {
    if (pod == null) {
      return node.ordinal() >= replicas;
    }
    if (answersTo(id, pod, node.node().address())) {
      return false;
    }
    // The pod exists but answers to another address: an older incarnation's registration.
    if (node.node().address().isIpAddress()
        && pod.ip().isPresent()
        && !pod.ip().get().equals(node.node().address().host())) {
      return true;
    }
    // Same host, other port: drop the old one only once the pod serves (it restarted with the new
    // port, so nothing listens on the old one any more).
    return pod.serving()
        && id.addressOf(pod).map(a -> listed.containsKey(normalize(a))).orElse(false);
  }

  /** The pod answers to its own address, and (FQDN mode) to its IP where the FE stored that. */
  private static boolean answersTo(GroupIdentity id, PodView pod, HostPort address) {
    HostPort a = normalize(address);
    return id.addressOf(pod).map(own -> normalize(own).equals(a)).orElse(false)
        || (!id.ipMode() && id.ipAddressOf(pod).map(a::equals).orElse(false));
  }

  private static boolean listedByIp(PodView pod, Map<HostPort, FeNode> listed) {
    return pod.ip()
        .map(ip -> listed.containsKey(HostPort.of(ip, pod.heartbeatPort())))
        .orElse(false);
  }

  /**
   * The listed nodes the group owns, by ordinal (listing order among equals). Only nodes the ledger
   * holds and, in FQDN mode, nodes under the group's FQDN suffix can be owned, so only those are
   * looked at, in listing order.
   */
  private static List<OwnedNode> owned(
      GroupIdentity id, FeListingIndex index, Map<HostPort, String> ledger) {
    List<OwnedNode> owned = new ArrayList<>();
    Map<HostPort, String> normalizedLedger = new HashMap<>();
    ledger.forEach((k, v) -> normalizedLedger.put(normalize(k), v));
    java.util.SortedSet<Integer> candidates = new java.util.TreeSet<>();
    normalizedLedger.keySet().forEach(a -> candidates.addAll(index.positionsOf(a)));
    if (!id.ipMode()) {
      candidates.addAll(index.withFqdnSuffix(id.fqdnSuffix()));
    }
    for (int position : candidates) {
      FeNode node = index.nodes().get(position);
      OptionalInt fromLedger =
          Optional.ofNullable(normalizedLedger.get(normalize(node.address())))
              .map(pod -> Names.ordinal(id.group(), pod))
              .orElse(OptionalInt.empty());
      OptionalInt ordinal =
          fromLedger.isPresent() || id.ipMode()
              ? fromLedger
              : id.ordinalOfFqdn(node.address().host());
      ordinal.ifPresent(o -> owned.add(new OwnedNode(node, o)));
    }
    owned.sort(Comparator.comparingInt(OwnedNode::ordinal));
    return owned;
  }

  /** DNS names compare case-insensitively; the FE stores what it was given. */
  static HostPort normalize(HostPort address) {
    if (address.isIpAddress()) {
      return address;
    }
    String host = address.host();
    String lower = host.toLowerCase(java.util.Locale.ROOT);
    // most hosts are lower case already: no second HostPort (and host check) for them
    return lower.equals(host) ? address : HostPort.of(lower, address.port());
  }
}
