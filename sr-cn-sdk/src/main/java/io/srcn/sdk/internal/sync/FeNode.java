package io.srcn.sdk.internal.sync;

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
 */
record FeNode(
    HostPort address,
    boolean alive,
    Optional<String> statusCode,
    String errMsg,
    Optional<String> warehouse) {}
