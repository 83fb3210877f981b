package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a group pass derives from one FE listing ({@link RegistrationPlanner}, {@link
 * StatusAssembler}, {@link GroupSync}), built once per listing instead of once per group pass:
 * whether any node is listed by IP, every node by its normalized address, and the positions of the
 * nodes whose host is a pod FQDN, by the FQDN's suffix after the pod name ({@code
 * .<group>-cn-search.<ns>.svc. <domain>}: pod names have no dot, group names being DNS-1035
 * labels). With 10,000 groups and 30,000 nodes, deriving these per pass made every pass O(nodes)
 * and a resync O(groups x nodes).
 *
 * <p>The FE cluster hands every pass the same immutable snapshot until it lists again, so the last
 * few indexes are kept by the listing's identity. Immutable; {@link #of} is thread-safe.
 */
final class FeListingIndex {
  private static final int KEPT = 4;
  private static final FeListingIndex[] RECENT = new FeListingIndex[KEPT];
  private static int next; // guarded by RECENT

  private final List<FeNode> nodes;
  private final Map<HostPort, FeNode> listed;
  private final Map<HostPort, List<Integer>> positions;
  private final Map<String, List<Integer>> bySuffix;
  private final boolean anyIp;

  private FeListingIndex(List<FeNode> nodes) {
    this.nodes = nodes;
    Map<HostPort, FeNode> byAddress = new LinkedHashMap<>();
    Map<HostPort, List<Integer>> at = new HashMap<>();
    Map<String, List<Integer>> suffixes = new HashMap<>();
    boolean ip = false;
    for (int i = 0; i < nodes.size(); i++) {
      ip |= nodes.get(i).address().isIpAddress();
      HostPort a = RegistrationPlanner.normalize(nodes.get(i).address());
      byAddress.put(a, nodes.get(i));
      at.computeIfAbsent(a, k -> new ArrayList<>(1)).add(i);
      String host = nodes.get(i).address().host().toLowerCase(Locale.ROOT);
      int dot = host.indexOf('.');
      if (dot > 0) {
        suffixes.computeIfAbsent(host.substring(dot), k -> new ArrayList<>(3)).add(i);
      }
    }
    this.listed = Collections.unmodifiableMap(byAddress);
    this.positions = at;
    this.bySuffix = suffixes;
    this.anyIp = ip;
  }

  /** The index of a listing (the same instance for the same listing while it is recent). */
  static FeListingIndex of(List<FeNode> nodes) {
    synchronized (RECENT) {
      for (FeListingIndex i : RECENT) {
        if (i != null && i.nodes == nodes) {
          return i;
        }
      }
    }
    FeListingIndex built = new FeListingIndex(nodes);
    synchronized (RECENT) {
      RECENT[next] = built;
      next = (next + 1) % KEPT;
    }
    return built;
  }

  /** The listing. */
  List<FeNode> nodes() {
    return nodes;
  }

  /** Every node by its normalized address (the last one when two normalize alike); read-only. */
  Map<HostPort, FeNode> listed() {
    return listed;
  }

  /** Whether any listed node is registered by IP address. */
  boolean anyIp() {
    return anyIp;
  }

  /** The positions in the listing of the nodes at that normalized address. */
  List<Integer> positionsOf(HostPort normalized) {
    return positions.getOrDefault(normalized, List.of());
  }

  /** The positions in the listing of the nodes whose lower-cased host ends with that suffix. */
  List<Integer> withFqdnSuffix(String suffix) {
    return bySuffix.getOrDefault(suffix, List.of());
  }
}
