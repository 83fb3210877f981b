package io.srcn.sdk.internal.status;

import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.fe.HostPort;
import java.util.Optional;

/**
 * What to check when the Kubernetes view and the FE view of a node disagree, for {@link
 * NodeStatus#hint()}:
 *
 * <ul>
 *   <li>Ready, registered, Alive=false, StatusCode {@code CONNECTING}: the FE has not sent its
 *       first heartbeat yet.
 *   <li>Ready, registered, Alive=false otherwise: the FE cannot reach the CN; check name resolution
 *       (for a DNS name), network policy and the heartbeat port.
 *   <li>Ready and not registered: the SDK adds it on its next pass.
 * </ul>
 *
 * <p>Stateless and thread-safe.
 */
public final class Hints {
  private Hints() {}

  /** The node with its hint set (or cleared when nothing needs saying). */
  public static NodeStatus apply(NodeStatus node) {
    return node.withHint(forNode(node));
  }

  /** The hint for a node, if any. */
  public static Optional<String> forNode(NodeStatus n) {
    if (!n.ready() || n.terminating()) {
      return Optional.empty();
    }
    String address = n.address().orElse(n.pod());
    if (!n.registered()) {
      return Optional.of("Ready but not registered with the FE yet; the SDK adds " + address);
    }
    if (n.alive().orElse(true)) {
      return Optional.empty();
    }
    if (n.statusCode().filter("CONNECTING"::equals).isPresent()) {
      return Optional.of("registered; waiting for the FE's first heartbeat to " + address);
    }
    return Optional.of(notReachable(address, n.errMsg()));
  }

  /** The hint for a node the FE cannot reach while its pod is Ready. */
  static String notReachable(String address, Optional<String> errMsg) {
    StringBuilder sb = new StringBuilder("FE cannot reach ").append(address);
    errMsg.ifPresent(e -> sb.append(": ").append(e.strip()));
    sb.append("; check that ");
    if (!isIp(address)) {
      sb.append("the FE resolves pod DNS names (cluster DNS reachable from the FE, FE in FQDN")
          .append(" mode), that ");
    }
    sb.append("no NetworkPolicy blocks the FE from the heartbeat port, and that the CN listens")
        .append(" on it");
    return sb.toString();
  }

  private static boolean isIp(String address) {
    try {
      return HostPort.parse(address).isIpAddress();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
