package io.srcn.testkit.fe.internal.state;

import java.time.Instant;

/**
 * The mutable state of one compute node inside the FE, including the heartbeat bookkeeping.
 *
 * <p>Not thread-safe: only touched while holding the {@link ClusterState} lock.
 */
final class NodeRecord {
  static final int BE_PORT = 9060;
  static final int HTTP_PORT = 8040;
  static final int BRPC_PORT = 8060;
  static final int STARLET_PORT = 9070;
  static final int CPU_CORES = 4;
  static final long MEM_LIMIT_BYTES = 16L << 30;

  /** The CN's answer to heartbeats while it exits gracefully. */
  static final String SHUTTING_DOWN = "BE is shutting down";

  final long id;
  final NodeAddress address;
  final String warehouse;
  final String cnGroup;
  final Instant addedAt;
  boolean alive;
  NodeStatus status = NodeStatus.CONNECTING;
  String errMsg = "";
  boolean reportedUp;
  String version = "";
  int failures;
  boolean exiting;
  Instant processStart;
  Instant lastStartTime;
  Instant lastHeartbeat;
  Instant firstAliveAt;

  NodeRecord(long id, NodeAddress address, String warehouse, String cnGroup, Instant addedAt) {
    this.id = id;
    this.address = address;
    this.warehouse = warehouse;
    this.cnGroup = cnGroup;
    this.addedAt = addedAt;
  }

  /**
   * A heartbeat that reached the node: normally ports, version and times filled, alive, error
   * cleared; while the node exits gracefully, SHUTDOWN with the CN's message instead.
   */
  void heartbeatOk(Instant now, String buildVersion) {
    failures = 0;
    if (exiting) {
      markShutdown();
      return;
    }
    if (processStart == null) {
      processStart = now;
    }
    reportedUp = true;
    version = buildVersion;
    lastStartTime = processStart;
    lastHeartbeat = now;
    errMsg = "";
    alive = true;
    status = NodeStatus.OK;
    if (firstAliveAt == null) {
      firstAliveAt = now;
    }
  }

  /** The node reported a graceful exit: not alive, SHUTDOWN, the CN's message. */
  void markShutdown() {
    exiting = true;
    alive = false;
    status = NodeStatus.SHUTDOWN;
    errMsg = SHUTTING_DOWN;
  }

  /** A failed heartbeat: dead only once failures exceed {@code retryTimes}. */
  void heartbeatFailed(int retryTimes) {
    processStart = null; // a later good heartbeat is a new process incarnation
    failures++;
    if (failures > retryTimes) {
      alive = false;
      status = NodeStatus.DISCONNECTED;
      errMsg = "java.net.UnknownHostException: " + address.host();
    }
  }

  NodeSnapshot snapshot() {
    return new NodeSnapshot(
        id,
        address,
        warehouse,
        cnGroup,
        alive,
        status,
        errMsg,
        reportedUp ? BE_PORT : -1,
        reportedUp ? HTTP_PORT : -1,
        reportedUp ? BRPC_PORT : -1,
        reportedUp ? STARLET_PORT : 0,
        version,
        reportedUp ? CPU_CORES : 0,
        reportedUp ? MEM_LIMIT_BYTES : 0,
        lastStartTime,
        lastHeartbeat,
        addedAt,
        firstAliveAt);
  }
}
