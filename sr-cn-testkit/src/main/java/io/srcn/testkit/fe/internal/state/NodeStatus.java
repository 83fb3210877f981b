package io.srcn.testkit.fe.internal.state;

/** The FE's {@code StatusCode} of a compute node. */
public enum NodeStatus {
  /** Added, never answered a heartbeat. */
  CONNECTING,
  /** The last heartbeat succeeded. */
  OK,
  /** The node reported a graceful exit. */
  SHUTDOWN,
  /** Heartbeats failed more than the retry limit. */
  DISCONNECTED
}
