package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.HostPort;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a group pass derives from one FE listing ({@link RegistrationPlanner}, {@link
 * StatusAssembler}, {@link GroupSync}): whether any node is listed by IP, every node by its
 * normalized address, and the positions of the nodes whose host is a pod FQDN, by the FQDN's suffix
 * after the pod name ({@code .<group>-cn-search.<ns>.svc.<domain>}: pod names have no dot, group
 * names being DNS-1035 labels).
 *
 * <p>A listing the FE cluster made ({@link FeListing}) derives its index once and keeps it, and an
 * ADD's listing indexes only the nodes it appended, deferring to its parent's index for the rest;
 * any other list is indexed afresh on every call (tests, a pass without an FE cluster).
 *
 * <p>Immutable and thread-safe.
 */
final class FeListingIndex {
  private final List<FeNode> nodes;
  private final FeListingIndex parent; // null: this index covers every node itself
  private final Map<HostPort, FeNode> own = new LinkedHashMap<>();
  private final Map<HostPort, List<Integer>> positions = new HashMap<>();
  private final Map<String, List<Integer>> bySuffix = new HashMap<>();
  private final boolean anyIp;
  private final Map<HostPort, FeNode> listed = new Listed();

  /**
   * Indexes {@code nodes} from position {@code from} on; {@code parent} indexes the positions
   * before (null when {@code from} is 0).
   */
  FeListingIndex(List<FeNode> nodes, FeListingIndex parent, int from) {
    this(nodes, parent, from, null);
  }

  /**
   * Indexes {@code nodes} as one level: copies what {@code chain}, an index of its first {@code
   * from} nodes in the same order, derived, and derives only the nodes after them.
   */
  static FeListingIndex flattened(List<FeNode> nodes, FeListingIndex chain, int from) {
    return new FeListingIndex(nodes, null, from, chain);
  }

  private FeListingIndex(
      List<FeNode> nodes, FeListingIndex parent, int from, FeListingIndex copyOf) {
    this.nodes = nodes;
    this.parent = parent;
    boolean ip = (parent != null && parent.anyIp) || (copyOf != null && copyOf.anyIp);
    if (copyOf != null) {
      List<FeListingIndex> chain = new ArrayList<>();
      for (FeListingIndex i = copyOf; i != null; i = i.parent) {
        chain.add(0, i);
      }
      for (FeListingIndex level : chain) {
        own.putAll(level.own);
        level.positions.forEach(
            (a, p) -> positions.computeIfAbsent(a, k -> new ArrayList<>(p.size())).addAll(p));
        level.bySuffix.forEach(
            (x, p) -> bySuffix.computeIfAbsent(x, k -> new ArrayList<>(p.size())).addAll(p));
      }
    }
    for (int i = from; i < nodes.size(); i++) {
      FeNode node = nodes.get(i);
      HostPort a = RegistrationPlanner.normalize(node.address());
      ip |= node.address().isIpAddress();
      own.put(a, node);
      positions.computeIfAbsent(a, k -> new ArrayList<>(1)).add(i);
      String host = node.address().host().toLowerCase(Locale.ROOT);
      int dot = host.indexOf('.');
      if (dot > 0) {
        bySuffix.computeIfAbsent(host.substring(dot), k -> new ArrayList<>(3)).add(i);
      }
    }
    this.anyIp = ip;
  }

  /** The index of a listing: the listing's own for an {@link FeListing}, else a fresh one. */
  static FeListingIndex of(List<FeNode> nodes) {
    return nodes instanceof FeListing l ? l.index() : new FeListingIndex(nodes, null, 0);
  }

  /** The listing. */
  List<FeNode> nodes() {
    return nodes;
  }

  /** Whether any listed node is registered by IP address. */
  boolean anyIp() {
    return anyIp;
  }

  /**
   * Every node by its normalized address (the last one when two normalize alike), read-only: for
   * {@code get} and {@code containsKey}; iterating it copies the chain.
   */
  Map<HostPort, FeNode> listed() {
    return listed;
  }

  /** The positions in the listing of the nodes at that normalized address, in listing order. */
  List<Integer> positionsOf(HostPort normalized) {
    List<Integer> out = new ArrayList<>();
    for (FeListingIndex i = this; i != null; i = i.parent) {
      out.addAll(0, i.positions.getOrDefault(normalized, List.of()));
    }
    return out;
  }

  /** The positions of the nodes whose lower-cased host ends with that suffix, in listing order. */
  List<Integer> withFqdnSuffix(String suffix) {
    List<Integer> out = new ArrayList<>();
    for (FeListingIndex i = this; i != null; i = i.parent) {
      out.addAll(0, i.bySuffix.getOrDefault(suffix, List.of()));
    }
    return out;
  }

  private FeNode find(Object address) {
    for (FeListingIndex i = this; i != null; i = i.parent) {
      FeNode n = i.own.get(address);
      if (n != null) {
        return n;
      }
    }
    return null;
  }

  /** The chain's address map as one read-only map; later nodes win, as in one flat map. */
  private final class Listed extends AbstractMap<HostPort, FeNode> {
    @Override
    public FeNode get(Object key) {
      return find(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return find(key) != null;
    }

    @Override
    public Set<Entry<HostPort, FeNode>> entrySet() {
      Map<HostPort, FeNode> flat = new LinkedHashMap<>();
      List<FeListingIndex> chain = new ArrayList<>();
      for (FeListingIndex i = FeListingIndex.this; i != null; i = i.parent) {
        chain.add(0, i);
      }
      chain.forEach(i -> flat.putAll(i.own));
      return java.util.Collections.unmodifiableMap(flat).entrySet();
    }
  }
}
