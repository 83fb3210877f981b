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
 * StatusAssembler}, {@link GroupSync}), built once per listing instead of once per group pass:
 * whether any node is listed by IP, every node by its normalized address, and the positions of the
 * nodes whose host is a pod FQDN, by the FQDN's suffix after the pod name ({@code
 * .<group>-cn-search.<ns>.svc.<domain>}: pod names have no dot, group names being DNS-1035 labels).
 * With 10,000 groups and 30,000 nodes, deriving these per pass made every pass O(nodes) and a
 * resync O(groups x nodes).
 *
 * <p>The FE cluster hands every pass the same immutable snapshot until it lists again or an ADD
 * appends the nodes it registered ({@link #appended}): an appended snapshot's index holds only the
 * new nodes and defers to its parent's for the rest (flattened every {@value #MAX_DEPTH} ADDs), so
 * an ADD costs O(added) rather than O(nodes). The last {@value #KEPT} indexes are kept by the
 * listing's identity.
 *
 * <p>Immutable; {@link #of} and {@link #appended} are thread-safe.
 */
final class FeListingIndex {
  private static final int KEPT = 4;
  private static final int MAX_DEPTH = 16;
  private static final FeListingIndex[] RECENT = new FeListingIndex[KEPT];
  private static int next; // guarded by RECENT

  private final List<FeNode> nodes;
  private final FeListingIndex parent; // null: this index covers every node itself
  private final int from; // the first position this index covers itself
  private final int depth;
  private final Map<HostPort, FeNode> own = new LinkedHashMap<>();
  private final Map<HostPort, List<Integer>> positions = new HashMap<>();
  private final Map<String, List<Integer>> bySuffix = new HashMap<>();
  private final boolean anyIp;
  private final Map<HostPort, FeNode> listed = new Listed();

  private FeListingIndex(List<FeNode> nodes, FeListingIndex parent, int from) {
    this.nodes = nodes;
    this.parent = parent;
    this.from = from;
    this.depth = parent == null ? 0 : parent.depth + 1;
    boolean ip = parent != null && parent.anyIp;
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

  /** The index of a listing (the same instance for the same listing while it is recent). */
  static FeListingIndex of(List<FeNode> nodes) {
    FeListingIndex kept = recent(nodes);
    return kept != null ? kept : remember(new FeListingIndex(nodes, null, 0));
  }

  /**
   * Indexes {@code next}, which must be {@code previous} with nodes appended (an ADD's result; the
   * last node of {@code previous} is checked), from the index of {@code previous} when it is at
   * hand; returns it.
   */
  static FeListingIndex appended(List<FeNode> previous, List<FeNode> next) {
    FeListingIndex parent = recent(previous);
    boolean extend =
        parent != null
            && parent.depth < MAX_DEPTH
            && next.size() >= previous.size()
            && (previous.isEmpty()
                || next.get(previous.size() - 1) == previous.get(previous.size() - 1));
    return remember(
        extend
            ? new FeListingIndex(next, parent, previous.size())
            : new FeListingIndex(next, null, 0));
  }

  private static FeListingIndex recent(List<FeNode> nodes) {
    synchronized (RECENT) {
      for (FeListingIndex i : RECENT) {
        if (i != null && i.nodes == nodes) {
          return i;
        }
      }
    }
    return null;
  }

  private static FeListingIndex remember(FeListingIndex index) {
    synchronized (RECENT) {
      RECENT[next] = index;
      next = (next + 1) % KEPT;
    }
    return index;
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
