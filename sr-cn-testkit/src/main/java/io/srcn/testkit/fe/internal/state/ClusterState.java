package io.srcn.testkit.fe.internal.state;

import com.google.common.net.InetAddresses;
import io.srcn.testkit.fe.FeMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The FE's metadata: compute nodes and warehouses, with the FE's rules for adding and dropping them
 * and the heartbeat state machine. Every operation is atomic.
 *
 * <p>Thread-safe: all state is guarded by this object's monitor.
 */
public final class ClusterState {
  private static final long FIRST_NODE_ID = 10001;

  private final Profile profile;
  private final Clock clock;
  private final Map<NodeAddress, NodeRecord> nodes = new LinkedHashMap<>();
  private final Warehouses warehouses;
  private volatile Function<String, Optional<String>> resolver;
  private List<NodeSnapshot> cachedSnapshot = List.of(); // null when stale
  private long nextNodeId = FIRST_NODE_ID;

  /** An FE with no nodes and the default warehouse. */
  public ClusterState(Profile profile, Clock clock, Function<String, Optional<String>> resolver) {
    this.profile = profile;
    this.clock = clock;
    this.resolver = resolver;
    this.warehouses = new Warehouses(profile, clock);
  }

  /** The version/mode profile. */
  public Profile profile() {
    return profile;
  }

  /** Replaces the IP-mode resolver. */
  public void resolver(Function<String, Optional<String>> resolver) {
    this.resolver = resolver;
  }

  /**
   * {@code ALTER SYSTEM ADD COMPUTE NODE}: parses (and in IP mode resolves) every address, checks
   * them all, then adds them all; nothing is added when any check fails.
   */
  public synchronized void addComputeNodes(List<String> literals, String warehouse, String group)
      throws FeError {
    List<NodeAddress> addresses = new ArrayList<>();
    for (String literal : literals) {
      addresses.add(resolve(AddressParser.parse(literal, profile)));
    }
    for (NodeAddress a : addresses) {
      if (nodes.containsKey(a)) {
        throw profile.nodeExists(a);
      }
    }
    WarehouseRecord wh = warehouses.get(warehouse == null ? Profile.DEFAULT_WAREHOUSE : warehouse);
    String cnGroup = group == null ? Profile.DEFAULT_CN_GROUP : group;
    if (!wh.cnGroups().contains(cnGroup)) {
      throw profile.unknownCnGroup(wh.name(), cnGroup);
    }
    for (NodeAddress a : addresses) {
      nodes.computeIfAbsent(a, k -> newNode(k, wh.name(), cnGroup));
    }
    changed();
  }

  /**
   * {@code ALTER SYSTEM DROP COMPUTE NODE}: drops the addresses one by one and stops at the first
   * missing one (newer FEs), or checks them all first (2.x/3.0). Never resolves names.
   */
  public synchronized void dropComputeNodes(List<String> literals, String warehouse, String group)
      throws FeError {
    List<NodeAddress> addresses = new ArrayList<>();
    for (String literal : literals) {
      addresses.add(AddressParser.parse(literal, profile));
    }
    if (warehouse != null) {
      WarehouseRecord wh = warehouses.get(warehouse);
      if (group != null && !wh.cnGroups().contains(group)) {
        throw profile.unknownCnGroup(wh.name(), group);
      }
    }
    String required =
        warehouse != null
            ? warehouse
            : profile.dropDefaultsToDefaultWarehouse() ? Profile.DEFAULT_WAREHOUSE : null;
    if (profile.dropChecksAllFirst()) {
      for (NodeAddress a : addresses) {
        checkDroppable(a, required, group);
      }
    }
    try {
      for (NodeAddress a : addresses) {
        checkDroppable(a, required, group);
        nodes.remove(a);
      }
    } finally {
      changed();
    }
  }

  private void checkDroppable(NodeAddress a, String warehouse, String group) throws FeError {
    NodeRecord node = nodes.get(a);
    if (node == null) {
      throw profile.nodeNotFound(a);
    }
    if (warehouse != null && !node.warehouse.equals(warehouse)) {
      throw profile.nodeNotInWarehouse(a, warehouse);
    }
    if (group != null && !node.cnGroup.equals(group)) {
      throw profile.nodeNotInWarehouse(a, warehouse);
    }
  }

  private NodeAddress resolve(NodeAddress a) throws FeError {
    if (profile.mode() != FeMode.IP || InetAddresses.isInetAddress(a.host())) {
      return a;
    }
    Optional<String> ip = resolver.apply(a.host());
    if (ip == null || ip.isEmpty()) {
      throw profile.unknownHost(a.host());
    }
    return new NodeAddress(ip.get(), a.port());
  }

  private NodeRecord newNode(NodeAddress a, String warehouse, String cnGroup) {
    return new NodeRecord(nextNodeId++, a, warehouse, cnGroup, clock.instant());
  }

  /** Seeds a node directly (test control); false when it already exists. */
  public synchronized boolean seed(NodeAddress a, String warehouse) {
    if (nodes.containsKey(a)) {
      return false;
    }
    nodes.put(a, newNode(a, warehouse, Profile.DEFAULT_CN_GROUP));
    changed();
    return true;
  }

  /** Removes a node directly (test control: the FE loses it); false when absent. */
  public synchronized boolean remove(NodeAddress a) {
    changed();
    return nodes.remove(a) != null;
  }

  /**
   * Puts a node into graceful exit: not alive, SHUTDOWN, until {@link #restart}.
   *
   * @throws IllegalArgumentException when the node is not registered
   */
  public synchronized void shutdown(NodeAddress a) {
    existing(a).markShutdown();
    changed();
  }

  /**
   * Ends a graceful exit: the node's process restarts and the next good heartbeat revives it.
   *
   * @throws IllegalArgumentException when the node is not registered
   */
  public synchronized void restart(NodeAddress a) {
    NodeRecord node = existing(a);
    node.exiting = false;
    node.processStart = null;
    changed();
  }

  private NodeRecord existing(NodeAddress a) {
    NodeRecord node = nodes.get(a);
    if (node == null) {
      throw new IllegalArgumentException("no compute node " + a + " is registered");
    }
    return node;
  }

  /** {@code CREATE WAREHOUSE} (see {@link Warehouses#create}). */
  public synchronized void createWarehouse(String name, boolean ifNotExists) throws FeError {
    warehouses.create(name, ifNotExists);
  }

  /** {@code DROP WAREHOUSE} (see {@link Warehouses#drop}). */
  public synchronized void dropWarehouse(String name, boolean ifExists) throws FeError {
    warehouses.drop(name, ifExists, wh -> nodeCount(wh) > 0);
  }

  /** The warehouses in creation order. */
  public synchronized List<WarehouseRecord> warehouses() {
    return warehouses.list();
  }

  /** Number of compute nodes in a warehouse. */
  public synchronized int nodeCount(String warehouse) {
    return (int) nodes.values().stream().filter(n -> n.warehouse.equals(warehouse)).count();
  }

  /**
   * A copy of every node, in the order they were added. The same list instance is returned until
   * the next change, so callers may cache what they derive from it by identity.
   */
  public synchronized List<NodeSnapshot> snapshot() {
    if (cachedSnapshot == null) {
      List<NodeSnapshot> out = new ArrayList<>(nodes.size());
      for (NodeRecord n : nodes.values()) {
        out.add(n.snapshot());
      }
      cachedSnapshot = List.copyOf(out);
    }
    return cachedSnapshot;
  }

  private void changed() {
    cachedSnapshot = null;
  }

  /**
   * One heartbeat round: asks {@code reachable} about each node's host (outside the lock), then
   * applies the results to the nodes that still exist.
   */
  public void heartbeat(Predicate<String> reachable, int retryTimes) {
    Set<NodeAddress> targets;
    synchronized (this) {
      targets = new LinkedHashSet<>(nodes.keySet());
    }
    Map<NodeAddress, Boolean> results = new LinkedHashMap<>();
    for (NodeAddress a : targets) {
      results.put(a, probe(reachable, a.host()));
    }
    Instant now = clock.instant();
    synchronized (this) {
      for (Map.Entry<NodeAddress, Boolean> r : results.entrySet()) {
        NodeRecord node = nodes.get(r.getKey());
        if (node == null) {
          continue;
        }
        if (r.getValue()) {
          node.heartbeatOk(now, profile.version().buildVersion());
        } else {
          node.heartbeatFailed(retryTimes);
        }
      }
      changed();
    }
  }

  private static boolean probe(Predicate<String> reachable, String host) {
    try {
      return reachable.test(host);
    } catch (RuntimeException e) {
      return false; // a throwing predicate counts as an unreachable host
    }
  }
}
