package io.srcn.testkit.fe;

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Configures a {@link FakeFrontend} ({@link FakeFrontend#builder()}). Every setting is optional.
 *
 * <p>Not thread-safe.
 */
public final class FakeFrontendBuilder {
  int port;
  String rootPassword = "";
  final Map<String, UserSpec> users = new LinkedHashMap<>();
  FeVersion version = FeVersion.V3_3;
  FeMode mode = FeMode.FQDN;
  boolean sharedData;
  boolean multiWarehouse;
  Duration heartbeatInterval = Duration.ofMillis(200);
  int heartbeatRetryTimes = 3;
  Predicate<String> reachability = host -> true;
  Function<String, Optional<String>> resolver = DefaultResolver::resolve;
  Clock clock = Clock.systemDefaultZone();
  int logCapacity = 10_000;

  record UserSpec(String password, boolean nodePrivilege) {}

  FakeFrontendBuilder() {}

  /** The port to bind on 127.0.0.1; 0 (default) picks a free one. */
  public FakeFrontendBuilder port(int port) {
    this.port = Args.range("port", port, 0, 65535);
    return this;
  }

  /** The password of {@code root} (default empty). */
  public FakeFrontendBuilder rootPassword(String password) {
    this.rootPassword = Objects.requireNonNull(password, "rootPassword");
    return this;
  }

  /** Adds a user; {@code nodePrivilege} allows ALTER SYSTEM. */
  public FakeFrontendBuilder user(String user, String password, boolean nodePrivilege) {
    if (user == null || user.isEmpty() || password == null) {
      throw new IllegalArgumentException("user must be non-empty and password non-null");
    }
    users.put(user, new UserSpec(password, nodePrivilege));
    return this;
  }

  /** The FE release line to reproduce (default {@link FeVersion#V3_3}). */
  public FakeFrontendBuilder version(FeVersion version) {
    this.version = Objects.requireNonNull(version, "version");
    return this;
  }

  /** FQDN (default) or IP mode. */
  public FakeFrontendBuilder mode(FeMode mode) {
    this.mode = Objects.requireNonNull(mode, "mode");
    return this;
  }

  /** Shared-data mode: extra columns (default false). */
  public FakeFrontendBuilder sharedData(boolean sharedData) {
    this.sharedData = sharedData;
    return this;
  }

  /**
   * Whether warehouses can be created (default false, as on every OSS FE, where only {@code
   * default_warehouse} exists): the multi-warehouse, shared-data FEs some vendors ship. Needs
   * {@link #sharedData} and {@link FeVersion#V3_4} or later, checked by {@link #build()}.
   */
  public FakeFrontendBuilder multiWarehouse(boolean multiWarehouse) {
    this.multiWarehouse = multiWarehouse;
    return this;
  }

  /** Time between heartbeat rounds (default 200 ms; the real FE uses 5 s). */
  public FakeFrontendBuilder heartbeatInterval(Duration interval) {
    this.heartbeatInterval = Args.positive("heartbeatInterval", interval);
    return this;
  }

  /** Failed polls tolerated before a node is declared dead (default 3, as the FE). */
  public FakeFrontendBuilder heartbeatRetryTimes(int times) {
    this.heartbeatRetryTimes = Args.range("heartbeatRetryTimes", times, 0, Integer.MAX_VALUE);
    return this;
  }

  /** The heartbeat check, asked with a node's stored host (default: all reachable). */
  public FakeFrontendBuilder reachability(Predicate<String> hostReachable) {
    this.reachability = Objects.requireNonNull(hostReachable, "reachability");
    return this;
  }

  /**
   * The IP-mode resolver. The default resolves {@code localhost} to {@code 127.0.0.1} and nothing
   * else (no DNS traffic); IP literals are never passed to it.
   */
  public FakeFrontendBuilder resolver(Function<String, Optional<String>> dns) {
    this.resolver = Objects.requireNonNull(dns, "resolver");
    return this;
  }

  /** The clock for times shown and logged (default: system clock and zone). */
  public FakeFrontendBuilder clock(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
    return this;
  }

  /** How many statements the log keeps (default 10,000; 0 disables it). */
  public FakeFrontendBuilder statementLogCapacity(int capacity) {
    this.logCapacity = Args.range("statementLogCapacity", capacity, 0, Integer.MAX_VALUE);
    return this;
  }

  /**
   * A new, not yet started FE.
   *
   * @throws IllegalArgumentException when multi-warehouse is asked of an FE that cannot have it
   */
  public FakeFrontend build() {
    return new FakeFrontend(this);
  }
}
