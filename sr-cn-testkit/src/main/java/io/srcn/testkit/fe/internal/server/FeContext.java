package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.state.ClusterState;
import io.srcn.testkit.fe.internal.state.Profile;
import io.srcn.testkit.fe.internal.state.Tables;
import io.srcn.testkit.fe.internal.state.UserRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything the connections of one fake FE share: its metadata, users, faults, statement log,
 * variables and clock.
 *
 * <p>Thread-safe: every member is.
 */
public final class FeContext {
  private final ClusterState cluster;
  private final UserRegistry users;
  private final Faults faults;
  private final StatementLog log;
  private final Clock clock;
  private final Tables tables;
  private final SystemVariables variables;
  private final AtomicLong connectionIds = new AtomicLong();
  private final Map<Long, Session> sessions = new ConcurrentHashMap<>();
  private final Instant createdAt;
  private volatile int queryPort;

  /** Creates the shared context. */
  public FeContext(
      ClusterState cluster, UserRegistry users, Faults faults, StatementLog log, Clock clock) {
    this.cluster = cluster;
    this.users = users;
    this.faults = faults;
    this.log = log;
    this.clock = clock;
    this.tables = new Tables(cluster.profile(), clock.getZone());
    this.variables = new SystemVariables(cluster.profile().version(), clock.getZone());
    this.createdAt = clock.instant();
  }

  /** The FE's metadata. */
  public ClusterState cluster() {
    return cluster;
  }

  /** The version/mode profile. */
  public Profile profile() {
    return cluster.profile();
  }

  /** The users. */
  public UserRegistry users() {
    return users;
  }

  /** The injected faults. */
  public Faults faults() {
    return faults;
  }

  /** The statement log. */
  public StatementLog log() {
    return log;
  }

  /** The clock for times shown and logged. */
  public Clock clock() {
    return clock;
  }

  /** The SHOW result builders. */
  public Tables tables() {
    return tables;
  }

  /** The system variables. */
  public SystemVariables variables() {
    return variables;
  }

  /** A new connection id (1, 2, ...; unique for the FE's lifetime, across restarts). */
  public long nextConnectionId() {
    return connectionIds.incrementAndGet();
  }

  /** Registers a logged-in session (for KILL). */
  void register(Session s) {
    sessions.put(s.connectionId, s);
  }

  /** Forgets a session whose connection ended. */
  void unregister(Session s) {
    sessions.remove(s.connectionId, s);
  }

  /** The logged-in session with this connection id. */
  Optional<Session> session(long connectionId) {
    return Optional.ofNullable(sessions.get(connectionId));
  }

  /** The logged-in sessions (for SHOW PROCESSLIST). */
  java.util.Collection<Session> sessions() {
    return sessions.values();
  }

  /** When the FE was created (its StartTime). */
  public Instant createdAt() {
    return createdAt;
  }

  /** The MySQL port the FE listens on. */
  public int queryPort() {
    return queryPort;
  }

  /** Records the MySQL port once bound. */
  public void queryPort(int port) {
    this.queryPort = port;
  }
}
