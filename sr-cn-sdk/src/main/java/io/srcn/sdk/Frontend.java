package io.srcn.sdk;

import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.immutables.value.Value;

/**
 * Where and how to reach the StarRocks FE: one or more MySQL-protocol addresses (query port,
 * default 9030), tried in order with failover; credentials; timeouts; TLS mode.
 *
 * <pre>{@code
 * Frontend fe = Frontend.at("fe-0.fe-search.starrocks.svc:9030", "fe-1.fe-search.starrocks.svc")
 *     .credentials(Credentials.fromSecret("fe-account"));
 * }</pre>
 *
 * <p>Timeouts are whole milliseconds, as JDBC takes them.
 *
 * <p>Immutable and thread-safe; every {@code with} method returns a copy.
 */
@Value.Immutable
@SdkStyle
public abstract class Frontend {
  /** The FE query port used when an address has none. */
  public static final int DEFAULT_QUERY_PORT = 9030;

  Frontend() {}

  /**
   * The FE at the given addresses ({@code host[:port]}, {@code [v6][:port]}), at least one.
   *
   * @throws IllegalArgumentException naming the address when one is invalid
   */
  public static Frontend at(String address, String... more) {
    List<HostPort> parsed = new ArrayList<>();
    parsed.add(HostPort.parse(address, DEFAULT_QUERY_PORT));
    for (String a : more) {
      parsed.add(HostPort.parse(a, DEFAULT_QUERY_PORT));
    }
    return ImmutableFrontend.builder().addresses(parsed).build();
  }

  /**
   * The FE at the given addresses ({@code host[:port]}, {@code [v6][:port]}, port 9030 when
   * absent), at least one, e.g. a {@code List<String>} bound from configuration. (A {@code
   * Collection} rather than a {@code List} only because {@link #at(List)} takes parsed addresses.)
   *
   * @throws IllegalArgumentException naming the entry (and its index) when one is null or invalid,
   *     or when there is none
   */
  public static Frontend at(Collection<String> addresses) {
    if (addresses == null || addresses.isEmpty()) {
      throw new IllegalArgumentException("FE addresses: at least one address is required");
    }
    List<HostPort> parsed = new ArrayList<>();
    int i = 0;
    for (String a : addresses) {
      if (a == null) {
        throw new IllegalArgumentException("FE addresses[" + i + "] must not be null");
      }
      try {
        parsed.add(HostPort.parse(a.strip(), DEFAULT_QUERY_PORT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("FE addresses[" + i + "]: " + e.getMessage(), e);
      }
      i++;
    }
    return ImmutableFrontend.builder().addresses(parsed).build();
  }

  /** The FE at the given addresses, at least one. */
  public static Frontend at(List<HostPort> addresses) {
    return ImmutableFrontend.builder().addresses(addresses).build();
  }

  /** The addresses, in the order they are tried. */
  public abstract List<HostPort> addresses();

  /** The credentials; {@code root} with an empty password when not set. */
  @Value.Default
  public Credentials credentials() {
    return Credentials.of("root", "");
  }

  /**
   * Time allowed to open a connection and log in (default 5 s). A handle method gives up on an FE
   * that cannot be reached after about this time (its FE calls share it as a budget; see {@link
   * ComputeNodeGroup}); the controller retries an FE call across the addresses for twice this time
   * (at most 10 s) before it reports the FE unavailable and backs off.
   */
  @Value.Default
  public Duration connectTimeout() {
    return Duration.ofSeconds(5);
  }

  /** Time allowed for one statement (default 30 s). */
  @Value.Default
  public Duration queryTimeout() {
    return Duration.ofSeconds(30);
  }

  /** TLS mode of the JDBC connections (default {@link TlsMode#DISABLED}). */
  @Value.Default
  public TlsMode tlsMode() {
    return TlsMode.DISABLED;
  }

  /** A copy using these credentials. */
  public Frontend credentials(Credentials credentials) {
    return ImmutableFrontend.builder().from(this).credentials(credentials).build();
  }

  /** A copy with this connect timeout. */
  public Frontend connectTimeout(Duration timeout) {
    return ImmutableFrontend.builder().from(this).connectTimeout(timeout).build();
  }

  /** A copy with this statement timeout. */
  public Frontend queryTimeout(Duration timeout) {
    return ImmutableFrontend.builder().from(this).queryTimeout(timeout).build();
  }

  /** A copy with this TLS mode. */
  public Frontend tlsMode(TlsMode mode) {
    return ImmutableFrontend.builder().from(this).tlsMode(mode).build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("frontend");
    v.require(!addresses().isEmpty(), "addresses", "at least one FE address is required");
    v.require(
        addresses().stream().distinct().count() == addresses().size(),
        "addresses",
        () -> "must not contain duplicates: " + addresses());
    positive(v, "connectTimeout", connectTimeout());
    positive(v, "queryTimeout", queryTimeout());
    v.throwIfAny();
  }

  private static void positive(Violations v, String field, Duration d) {
    v.require(
        !d.isNegative() && !d.isZero() && d.getNano() % 1_000_000 == 0,
        field,
        () -> d + " must be positive, in whole milliseconds");
  }
}
