package io.srcn.testkit.fe;

import io.srcn.testkit.fe.internal.state.NodeSnapshot;
import io.srcn.testkit.internal.TestkitStyle;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A snapshot of one compute node as {@link FakeFrontend} knows it: what {@code SHOW COMPUTE NODES}
 * shows, plus the times tests and benchmarks need (when it was added, when it first became alive).
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@TestkitStyle
public abstract class FakeComputeNode {
  FakeComputeNode() {}

  /** The FE's node id ({@code ComputeNodeId}). */
  public abstract long id();

  /** The stored host ({@code IP}): a name in FQDN mode, the resolved IP in IP mode. */
  public abstract String host();

  /** The heartbeat port. */
  public abstract int heartbeatPort();

  /** Whether the FE considers the node alive. */
  public abstract boolean alive();

  /** {@code CONNECTING}, {@code OK}, {@code SHUTDOWN} or {@code DISCONNECTED}. */
  public abstract String statusCode();

  /** The heartbeat error, empty while healthy. */
  public abstract String errMsg();

  /** The warehouse ({@code default_warehouse} unless added into another). */
  public abstract String warehouse();

  /** The CN group ({@code default_cngroup} unless added into another). */
  public abstract String cnGroup();

  /** Thrift port; -1 before the first good heartbeat. */
  public abstract int bePort();

  /** HTTP port; -1 before the first good heartbeat. */
  public abstract int httpPort();

  /** bRPC port; -1 before the first good heartbeat. */
  public abstract int brpcPort();

  /** The node's build string; empty before the first good heartbeat. */
  public abstract String version();

  /** CPU cores reported; 0 before the first good heartbeat. */
  public abstract int cpuCores();

  /** When the node's process started, as last reported. */
  public abstract Optional<Instant> lastStartTime();

  /** The last good heartbeat. */
  public abstract Optional<Instant> lastHeartbeat();

  /** When the node was added to the FE. */
  public abstract Instant addedAt();

  /** When the node first became alive. */
  public abstract Optional<Instant> firstAliveAt();

  /** {@code host:port}, or {@code [v6]:port}: the form the FE prints and accepts. */
  public String address() {
    return (host().indexOf(':') >= 0 ? "[" + host() + "]" : host()) + ":" + heartbeatPort();
  }

  static FakeComputeNode of(NodeSnapshot s) {
    return ImmutableFakeComputeNode.builder()
        .id(s.id())
        .host(s.address().host())
        .heartbeatPort(s.address().port())
        .alive(s.alive())
        .statusCode(s.status().name())
        .errMsg(s.errMsg())
        .warehouse(s.warehouse())
        .cnGroup(s.cnGroup())
        .bePort(s.bePort())
        .httpPort(s.httpPort())
        .brpcPort(s.brpcPort())
        .version(s.version())
        .cpuCores(s.cpuCores())
        .lastStartTime(Optional.ofNullable(s.lastStartTime()))
        .lastHeartbeat(Optional.ofNullable(s.lastHeartbeat()))
        .addedAt(s.addedAt())
        .firstAliveAt(Optional.ofNullable(s.firstAliveAt()))
        .build();
  }
}
