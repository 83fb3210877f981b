package io.srcn.sdk.fe;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.fe.Cells;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One row of {@code SHOW COMPUTE NODES}, read by column <em>label</em>, never by position, so that
 * the column sets of every FE version parse: 2.4 ({@code Cluster}, no usage columns), 3.0–3.2
 * (usage columns), 3.3–3.5 ({@code MemLimit}, {@code DataCacheMetrics}, {@code StatusCode}) and the
 * newest ({@code CNGroupName}), each with the shared-data columns ({@code StarletPort}, {@code
 * WorkerId}, {@code WarehouseName}, {@code TabletNum}). Unknown columns are kept in {@link #raw()}.
 * Values the FE does not send in a version, sends as NULL or sends unparseable read as empty.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class ComputeNode {
  /** The FE's {@code StatusCode} of a node (3.3+). */
  public enum StatusCode {
    /** Added, never heard from. */
    CONNECTING,
    /** Heartbeats succeed. */
    OK,
    /** The node exited gracefully. */
    SHUTDOWN,
    /** Heartbeats failed repeatedly. */
    DISCONNECTED,
    /**
     * Not sent by this FE version, or a value this SDK does not know (see {@link #statusCodeRaw}).
     */
    UNKNOWN
  }

  ComputeNode() {}

  /**
   * Parses a row, given as column label to value; NULL cells may be absent or null.
   *
   * @throws IllegalArgumentException naming the column when {@code ComputeNodeId}, {@code IP} or
   *     {@code HeartbeatPort} is missing or malformed
   */
  public static ComputeNode of(Map<String, String> row) {
    Map<String, String> copy = new LinkedHashMap<>();
    row.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    Cells.requiredLong(copy, "ComputeNodeId");
    Cells.required(copy, "IP");
    long port = Cells.requiredLong(copy, "HeartbeatPort");
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException("column 'HeartbeatPort' is out of range: " + port);
    }
    return ImmutableComputeNode.builder().raw(copy).build();
  }

  /** Every non-NULL column of the row by label, in the FE's column order. */
  public abstract Map<String, String> raw();

  /** {@code ComputeNodeId}. */
  @Value.Derived
  public long id() {
    return Cells.requiredLong(raw(), "ComputeNodeId");
  }

  /** {@code IP}: the host as registered (an IP, or a DNS name in FQDN mode; IPv6 unbracketed). */
  @Value.Derived
  public String host() {
    return Cells.required(raw(), "IP");
  }

  /** {@code HeartbeatPort}: the port the node was registered with. */
  @Value.Derived
  public int heartbeatPort() {
    return (int) Cells.requiredLong(raw(), "HeartbeatPort");
  }

  /**
   * The registered address, as it is given to {@code DROP}.
   *
   * @throws IllegalArgumentException when the FE lists a host that is not a valid address (never
   *     for a node added through this SDK)
   */
  @Value.Lazy
  public HostPort address() {
    return HostPort.of(host().trim(), heartbeatPort());
  }

  /** {@code BePort}; empty until the first heartbeat. */
  @Value.Derived
  public OptionalInt bePort() {
    return Cells.port(raw(), "BePort");
  }

  /** {@code HttpPort}; empty until the first heartbeat. */
  @Value.Derived
  public OptionalInt httpPort() {
    return Cells.port(raw(), "HttpPort");
  }

  /** {@code BrpcPort}; empty until the first heartbeat. */
  @Value.Derived
  public OptionalInt brpcPort() {
    return Cells.port(raw(), "BrpcPort");
  }

  /** {@code LastStartTime} in the FE's time zone; empty until the first heartbeat. */
  @Value.Derived
  public Optional<LocalDateTime> lastStartTime() {
    return Cells.time(raw(), "LastStartTime");
  }

  /** {@code LastHeartbeat} in the FE's time zone; empty until the first heartbeat. */
  @Value.Derived
  public Optional<LocalDateTime> lastHeartbeat() {
    return Cells.time(raw(), "LastHeartbeat");
  }

  /** {@code Alive}. A node just added is not alive until its first heartbeat. */
  @Value.Derived
  public boolean alive() {
    return Cells.bool(raw(), "Alive");
  }

  /** {@code ErrMsg}: why the node is dead (e.g. a heartbeat error); empty when healthy. */
  @Value.Derived
  public String errMsg() {
    return Cells.text(raw(), "ErrMsg").orElse("");
  }

  /** {@code Version}: the CN build, e.g. {@code 3.3.5-abc1234}; empty until the first heartbeat. */
  @Value.Derived
  public String version() {
    return Cells.text(raw(), "Version").orElse("");
  }

  /** {@code CpuCores} (3.0+). */
  @Value.Derived
  public OptionalInt cpuCores() {
    return Cells.integer(raw(), "CpuCores");
  }

  /** {@code NumRunningQueries} (3.0+). */
  @Value.Derived
  public OptionalInt numRunningQueries() {
    return Cells.integer(raw(), "NumRunningQueries");
  }

  /** {@code MemUsedPct} as a number, e.g. 12.34 for {@code 12.34 %} (3.0+). */
  @Value.Derived
  public OptionalDouble memUsedPct() {
    return Cells.percent(raw(), "MemUsedPct");
  }

  /** {@code CpuUsedPct} as a number, e.g. 0.5 for {@code 0.5 %} (3.0+). */
  @Value.Derived
  public OptionalDouble cpuUsedPct() {
    return Cells.percent(raw(), "CpuUsedPct");
  }

  /** {@code StatusCode} as sent (3.3+). */
  @Value.Derived
  public Optional<String> statusCodeRaw() {
    return Cells.text(raw(), "StatusCode").map(String::trim);
  }

  /** {@code StatusCode}; {@link StatusCode#UNKNOWN} when absent or not known to this SDK. */
  @Value.Derived
  public StatusCode statusCode() {
    String raw = statusCodeRaw().orElse("").toUpperCase(Locale.ROOT);
    for (StatusCode c : StatusCode.values()) {
      if (c != StatusCode.UNKNOWN && c.name().equals(raw)) {
        return c;
      }
    }
    return StatusCode.UNKNOWN;
  }

  /** {@code WarehouseName} (shared-data clusters). */
  @Value.Derived
  public Optional<String> warehouse() {
    return Cells.text(raw(), "WarehouseName", "Warehouse").filter(s -> !s.isEmpty());
  }

  /** {@code CNGroupName} (newest FEs). */
  @Value.Derived
  public Optional<String> cnGroup() {
    return Cells.text(raw(), "CNGroupName", "CnGroupName").filter(s -> !s.isEmpty());
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("ComputeNode{id=").append(id());
    sb.append(", host=").append(host()).append(", heartbeatPort=").append(heartbeatPort());
    sb.append(", alive=").append(alive()).append(", statusCode=");
    sb.append(statusCodeRaw().orElse(StatusCode.UNKNOWN.name()));
    warehouse().ifPresent(w -> sb.append(", warehouse=").append(w));
    cnGroup().ifPresent(g -> sb.append(", cnGroup=").append(g));
    if (!errMsg().isEmpty()) {
      sb.append(", errMsg=").append(errMsg());
    }
    return sb.append('}').toString();
  }
}
