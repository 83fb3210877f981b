package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Adds and drops compute nodes in batches with idempotent results, following the FE's semantics:
 *
 * <ul>
 *   <li>ADD checks every node before adding any, so an {@code already exists} error means nothing
 *       was added: re-list once and send one more ADD with the nodes still missing.
 *   <li>DROP is not atomic (newer FEs drop one by one and stop at the first missing node; older
 *       ones check all first): on {@code does not exist}, re-list; nodes still listed are retried,
 *       nodes before the one the error names that are gone now were dropped by this statement, the
 *       rest were already absent.
 * </ul>
 *
 * Each batch holds at most {@code batchSize} nodes; once a listing is known, later batches skip the
 * nodes it settles. A registration of k new nodes costs one ADD per batch and no SHOW.
 *
 * <p>Not thread-safe; one instance per client call.
 */
public final class Registrar {
  /** Statements per batch before giving up on an FE that contradicts its own listing. */
  static final int MAX_ATTEMPTS = 3;

  private final FeOps ops;
  private final int batchSize;
  private final Logger log;

  /** Creates a registrar for one call. */
  public Registrar(FeOps ops, int batchSize, Logger log) {
    this.ops = ops;
    this.batchSize = batchSize;
    this.log = log;
  }

  /** Registers the nodes not registered yet. */
  public AddResult add(List<HostPort> input, Optional<String> warehouse) {
    List<HostPort> nodes = distinct(input);
    Set<HostPort> added = new HashSet<>();
    Set<HostPort> present = new HashSet<>();
    Set<HostPort> known = null;
    for (List<HostPort> batch : batches(nodes)) {
      List<HostPort> pending = settle(batch, known, present, true);
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        String purpose = "add compute nodes " + describe(pending);
        if (attempt == MAX_ATTEMPTS) {
          throw contradiction(purpose, "already exists", "does not list", ipModeHint());
        }
        String sql = FeSql.addComputeNodes(pending, warehouse);
        log.trace("FE statement: {}", sql);
        Optional<String> exists = ops.alter(purpose, sql, FeErrors.Kind.ALREADY_EXISTS);
        if (exists.isEmpty()) {
          added.addAll(pending);
          break;
        }
        log.debug("{}: {}; re-listing", purpose, exists.get());
        known = registered(Optional.empty());
        pending = settle(pending, known, present, true);
      }
    }
    return new AddResult(inOrder(nodes, added), inOrder(nodes, present));
  }

  /** Deregisters the nodes that are registered (in the warehouse, when given). */
  public DropResult drop(List<HostPort> input, Optional<String> warehouse) {
    List<HostPort> nodes = distinct(input);
    Set<HostPort> dropped = new HashSet<>();
    Set<HostPort> absent = new HashSet<>();
    Set<HostPort> known = null;
    for (List<HostPort> batch : batches(nodes)) {
      List<HostPort> pending = settle(batch, known, absent, false);
      for (int attempt = 0; !pending.isEmpty(); attempt++) {
        String purpose = "drop compute nodes " + describe(pending);
        if (attempt == MAX_ATTEMPTS) {
          throw contradiction(purpose, "does not exist", "lists", "");
        }
        String sql = FeSql.dropComputeNodes(pending, warehouse);
        log.trace("FE statement: {}", sql);
        Optional<String> missing = ops.alter(purpose, sql, FeErrors.Kind.DOES_NOT_EXIST);
        if (missing.isEmpty()) {
          dropped.addAll(pending);
          break;
        }
        log.debug("{}: {}; re-listing", purpose, missing.get());
        int stoppedAt = FeErrors.firstMentioned(missing.get(), pending);
        Map<HostPort, Optional<String>> listed = listing(warehouse);
        known = listed.keySet();
        if (warehouse.isEmpty()
            && stoppedAt >= 0
            && known.contains(pending.get(stoppedAt))
            && FeErrors.isWarehouseMismatch(missing.get())) {
          throw inOtherWarehouse(purpose, pending.get(stoppedAt), listed, missing.get());
        }
        List<HostPort> retry = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
          HostPort n = pending.get(i);
          if (known.contains(n)) {
            retry.add(n);
          } else if (i < stoppedAt) {
            dropped.add(n);
          } else {
            absent.add(n);
          }
        }
        pending = retry;
      }
    }
    return new DropResult(inOrder(nodes, dropped), inOrder(nodes, absent));
  }

  /**
   * The nodes of {@code batch} still to send given a listing: with {@code wantListed} (ADD) the
   * listed ones are settled into {@code settled}; without (DROP) the unlisted ones are.
   */
  private static List<HostPort> settle(
      List<HostPort> batch, Set<HostPort> known, Set<HostPort> settled, boolean wantListed) {
    if (known == null) {
      return batch;
    }
    List<HostPort> pending = new ArrayList<>();
    for (HostPort n : batch) {
      if (known.contains(n) == wantListed) {
        settled.add(n);
      } else {
        pending.add(n);
      }
    }
    return pending;
  }

  /** The registered addresses, restricted to a warehouse when given and the FE reports one. */
  private Set<HostPort> registered(Optional<String> warehouse) {
    return listing(warehouse).keySet();
  }

  /** The registered addresses with their warehouse, as {@link #registered} filters them. */
  private Map<HostPort, Optional<String>> listing(Optional<String> warehouse) {
    Map<HostPort, Optional<String>> out = new HashMap<>();
    for (ComputeNode n : ops.computeNodes("list compute nodes")) {
      if (warehouse.isPresent() && n.warehouse().isPresent()) {
        if (!n.warehouse().get().equalsIgnoreCase(warehouse.get())) {
          continue;
        }
      }
      try {
        out.put(n.address(), n.warehouse());
      } catch (IllegalArgumentException e) {
        log.debug("ignoring a compute node whose address is not valid: {}", n);
      }
    }
    return out;
  }

  private List<List<HostPort>> batches(List<HostPort> nodes) {
    List<List<HostPort>> out = new ArrayList<>();
    for (int i = 0; i < nodes.size(); i += batchSize) {
      out.add(nodes.subList(i, Math.min(nodes.size(), i + batchSize)));
    }
    return out;
  }

  private static List<HostPort> distinct(List<HostPort> input) {
    return List.copyOf(new LinkedHashSet<>(input));
  }

  private static List<HostPort> inOrder(List<HostPort> nodes, Set<HostPort> subset) {
    return nodes.stream().filter(subset::contains).collect(Collectors.toList());
  }

  /** Up to three addresses and a count of the rest, for messages. */
  static String describe(List<HostPort> nodes) {
    String head = nodes.stream().limit(3).map(HostPort::toString).collect(Collectors.joining(", "));
    return "[" + head + (nodes.size() > 3 ? ", +" + (nodes.size() - 3) + " more" : "") + "]";
  }

  private static FrontendException contradiction(
      String purpose, String answer, String listing, String hint) {
    return new FrontendException(
        purpose,
        0,
        null,
        null,
        "the FE keeps answering '"
            + answer
            + "' although SHOW COMPUTE NODES "
            + listing
            + " these nodes"
            + hint,
        null);
  }

  /**
   * A 3.3-era FE reads a DROP without {@code FROM WAREHOUSE} as {@code FROM WAREHOUSE
   * default_warehouse}, so a node of another warehouse can only be dropped naming it.
   */
  private static FrontendException inOtherWarehouse(
      String purpose, HostPort node, Map<HostPort, Optional<String>> listed, String feMessage) {
    String where =
        listed
            .getOrDefault(node, Optional.empty())
            .map(w -> "is registered in warehouse '" + w + "'")
            .orElse("is still registered");
    return new FrontendException(
        purpose,
        0,
        null,
        null,
        "compute node "
            + node
            + " "
            + where
            + " and this FE drops only from the default warehouse unless one is named (FE: "
            + feMessage
            + "): use drop(nodes, warehouse)",
        null);
  }

  private static String ipModeHint() {
    return " (an FE not in FQDN mode stores the resolved IP of a DNS name: register such nodes by"
        + " IP)";
  }
}
