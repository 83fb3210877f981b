package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.HostPort;
import java.util.Optional;

/**
 * One row of {@code SHOW COMPUTE NODES}, reduced to what the reconciler decides on.
 *
 * @param address the host and heartbeat port as the FE lists them
 * @param alive the FE's Alive column
 * @param statusCode the FE's StatusCode column (empty on versions without it)
 * @param errMsg the FE's ErrMsg column
 * @param warehouse the warehouse, on shared-data FEs
 * @param detail the whole row, when the node was listed (not for a node this process just added)
 */
record FeNode(
    HostPort address,
    boolean alive,
    Optional<String> statusCode,
    String errMsg,
    Optional<String> warehouse,
    Optional<ComputeNode> detail) {

  /** A node as {@code SHOW COMPUTE NODES} listed it. */
  static FeNode of(ComputeNode row) {
    return new FeNode(
        row.address(),
        row.alive(),
        row.statusCodeRaw(),
        row.errMsg(),
        row.warehouse(),
        Optional.of(row));
  }

  /** A node this process just added: not alive yet, state as the FE reports a fresh node. */
  static FeNode justAdded(HostPort address, Optional<String> warehouse) {
    return new FeNode(address, false, Optional.of("CONNECTING"), "", warehouse, Optional.empty());
  }
}
