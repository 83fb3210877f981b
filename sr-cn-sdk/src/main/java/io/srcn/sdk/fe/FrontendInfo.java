package io.srcn.sdk.fe;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.fe.Cells;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * One row of {@code SHOW FRONTENDS}, read by column label: the FE's name, host, ports, role,
 * liveness and version. Works with the newest columns ({@code Role} = {@code LEADER}) and the older
 * ones ({@code Role} = {@code FOLLOWER} plus {@code IsMaster}); unknown columns are kept in {@link
 * #raw()}.
 *
 * <p>Immutable and thread-safe.
 */
@Value.Immutable
@SdkStyle
public abstract class FrontendInfo {
  /** The role of an FE in its cluster. */
  public enum Role {
    /** The leader (older FEs: a follower with {@code IsMaster=true}). */
    LEADER,
    /** A voting follower. */
    FOLLOWER,
    /** A non-voting observer. */
    OBSERVER,
    /** A value this SDK does not know (see {@link #roleRaw}). */
    UNKNOWN
  }

  FrontendInfo() {}

  /**
   * Parses a row, given as column label to value; NULL cells may be absent or null.
   *
   * @throws IllegalArgumentException when the {@code IP} column is missing
   */
  public static FrontendInfo of(Map<String, String> row) {
    Map<String, String> copy = new LinkedHashMap<>();
    row.forEach(
        (k, v) -> {
          if (v != null) {
            copy.put(k, v);
          }
        });
    Cells.required(copy, "IP");
    return ImmutableFrontendInfo.builder().raw(copy).build();
  }

  /** Every non-NULL column of the row by label, in the FE's column order. */
  public abstract Map<String, String> raw();

  /** {@code Name}, e.g. {@code 10.0.0.1_9010_1700000000000}; empty when not sent. */
  @Value.Derived
  public String name() {
    return Cells.text(raw(), "Name").orElse("");
  }

  /** {@code IP}: the FE's host (a DNS name in FQDN mode). */
  @Value.Derived
  public String host() {
    return Cells.required(raw(), "IP");
  }

  /** {@code EditLogPort}. */
  @Value.Derived
  public OptionalInt editLogPort() {
    return Cells.port(raw(), "EditLogPort");
  }

  /** {@code HttpPort}. */
  @Value.Derived
  public OptionalInt httpPort() {
    return Cells.port(raw(), "HttpPort");
  }

  /** {@code QueryPort}: the MySQL-protocol port. */
  @Value.Derived
  public OptionalInt queryPort() {
    return Cells.port(raw(), "QueryPort");
  }

  /** {@code RpcPort}. */
  @Value.Derived
  public OptionalInt rpcPort() {
    return Cells.port(raw(), "RpcPort");
  }

  /** {@code Role} as sent. */
  @Value.Derived
  public String roleRaw() {
    return Cells.text(raw(), "Role").orElse("").trim();
  }

  /** The role; {@link Role#LEADER} also for an older FE's follower with {@code IsMaster=true}. */
  @Value.Derived
  public Role role() {
    if (isLeader()) {
      return Role.LEADER;
    }
    switch (roleRaw().toUpperCase(Locale.ROOT)) {
      case "FOLLOWER":
        return Role.FOLLOWER;
      case "OBSERVER":
        return Role.OBSERVER;
      default:
        return Role.UNKNOWN;
    }
  }

  /** True for the leader ({@code Role=LEADER}, or {@code IsMaster}/{@code IsLeader} true). */
  @Value.Derived
  public boolean isLeader() {
    String role = roleRaw().toUpperCase(Locale.ROOT);
    return role.equals("LEADER")
        || role.equals("MASTER")
        || Cells.bool(raw(), "IsMaster", "IsLeader");
  }

  /** {@code Alive}. */
  @Value.Derived
  public boolean alive() {
    return Cells.bool(raw(), "Alive");
  }

  /** {@code Version}, e.g. {@code 3.3.5-abc1234}; empty when not sent. */
  @Value.Derived
  public String version() {
    return Cells.text(raw(), "Version").orElse("");
  }

  /** The MySQL-protocol address, when the host and query port are valid. */
  @Value.Lazy
  public Optional<HostPort> queryAddress() {
    if (queryPort().isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(HostPort.of(host().trim(), queryPort().getAsInt()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  @Override
  public String toString() {
    return "FrontendInfo{name="
        + name()
        + ", host="
        + host()
        + ", queryPort="
        + (queryPort().isPresent() ? String.valueOf(queryPort().getAsInt()) : "?")
        + ", role="
        + roleRaw()
        + ", leader="
        + isLeader()
        + ", alive="
        + alive()
        + ", version="
        + version()
        + "}";
  }
}
