package io.srcn.testkit.fe.internal.state;

import java.time.Instant;

/**
 * An immutable copy of one compute node's state at one moment.
 *
 * @param id the FE's node id
 * @param address the stored host and heartbeat port
 * @param warehouse the warehouse name
 * @param cnGroup the CN group name
 * @param alive whether the FE considers the node alive
 * @param status the FE's status code
 * @param errMsg the heartbeat error message, empty while healthy
 * @param bePort thrift port, -1 before the first good heartbeat
 * @param httpPort HTTP port, -1 before the first good heartbeat
 * @param brpcPort bRPC port, -1 before the first good heartbeat
 * @param starletPort starlet port (shared-data), 0 before the first good heartbeat
 * @param version the node's build string, empty before the first good heartbeat
 * @param cpuCores CPU cores reported, 0 before the first good heartbeat
 * @param memLimitBytes memory limit reported, 0 before the first good heartbeat
 * @param lastStartTime when the node process started, as reported; null if never seen
 * @param lastHeartbeat the last good heartbeat; null if never
 * @param addedAt when the node was added to the FE
 * @param firstAliveAt when the node first became alive; null if never
 */
public record NodeSnapshot(
    long id,
    NodeAddress address,
    String warehouse,
    String cnGroup,
    boolean alive,
    NodeStatus status,
    String errMsg,
    int bePort,
    int httpPort,
    int brpcPort,
    int starletPort,
    String version,
    int cpuCores,
    long memLimitBytes,
    Instant lastStartTime,
    Instant lastHeartbeat,
    Instant addedAt,
    Instant firstAliveAt) {}
