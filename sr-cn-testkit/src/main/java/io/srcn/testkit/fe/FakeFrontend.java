package io.srcn.testkit.fe;

import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.TestServer;
import io.srcn.testkit.fe.internal.server.Faults;
import io.srcn.testkit.fe.internal.server.FeContext;
import io.srcn.testkit.fe.internal.server.ServerCore;
import io.srcn.testkit.fe.internal.server.StatementLog;
import io.srcn.testkit.fe.internal.state.ClusterState;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.Heartbeater;
import io.srcn.testkit.fe.internal.state.NodeAddress;
import io.srcn.testkit.fe.internal.state.Profile;
import io.srcn.testkit.fe.internal.state.UserRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An in-process StarRocks FE on the real MySQL wire protocol, for tests: Connector/J and the {@code
 * mysql}/{@code mariadb} CLI connect to it, log in with native passwords and run {@code ALTER
 * SYSTEM ADD|DROP COMPUTE NODE}, {@code SHOW COMPUTE NODES} and the statements clients send around
 * them, with the column sets, error texts and codes of the chosen {@link FeVersion}. Heartbeats are
 * simulated: a node becomes alive on the first poll that finds its host reachable and is declared
 * dead after more than {@code heartbeatRetryTimes} failed polls.
 *
 * <pre>{@code
 * try (FakeFrontend fe = FakeFrontend.builder().version(FeVersion.V3_3).build().start()) {
 *   Frontend frontend = fe.frontend();        // SDK value pointing here, as root
 *   ...
 *   assertThat(fe.computeNodes()).extracting(FakeComputeNode::alive).containsOnly(true);
 * }
 * }</pre>
 *
 * <p>Listens on {@code 127.0.0.1} only; port 0 (the default) picks a free port, which is kept
 * across {@link #stop()}/{@link #start()}. State (nodes, users, warehouses) survives a restart: in
 * the {@link TestServer} lifecycle the fake FE is {@linkplain #restartable() restartable}.
 *
 * <p>Thread-safe.
 */
public final class FakeFrontend implements TestServer {
  private final FeContext context;
  private final ServerCore server;
  private final Heartbeater heartbeater;
  private final FeWarehouses warehouses;
  private final Map<String, String> passwords = new ConcurrentHashMap<>();
  private volatile Predicate<String> reachability;
  private int port;

  FakeFrontend(FakeFrontendBuilder b) {
    Profile profile = new Profile(b.version, b.mode, b.sharedData, b.multiWarehouse);
    ClusterState cluster = new ClusterState(profile, b.clock, b.resolver);
    this.warehouses = new FeWarehouses(cluster);
    UserRegistry users = new UserRegistry();
    this.context =
        new FeContext(cluster, users, new Faults(), new StatementLog(b.logCapacity), b.clock);
    this.server = new ServerCore(context);
    this.reachability = b.reachability;
    this.heartbeater =
        new Heartbeater(cluster, b.heartbeatInterval, b.heartbeatRetryTimes, () -> reachability);
    this.port = b.port;
    addUser("root", b.rootPassword, true);
    b.users.forEach((name, u) -> addUser(name, u.password(), u.nodePrivilege()));
  }

  /** A builder with the defaults: port 0, root without password, 3.3 profile, FQDN mode. */
  public static FakeFrontendBuilder builder() {
    return new FakeFrontendBuilder();
  }

  /** An FE with the defaults, not started. */
  public static FakeFrontend create() {
    return builder().build();
  }

  /**
   * Starts listening (idempotent) and heartbeating.
   *
   * @return this FE
   * @throws UncheckedIOException when the port cannot be bound
   */
  @Override
  public synchronized FakeFrontend start() {
    if (server.isRunning()) {
      return this;
    }
    try {
      port = server.start(port);
    } catch (IOException e) {
      throw new UncheckedIOException("FakeFrontend cannot listen on 127.0.0.1:" + port, e);
    }
    heartbeater.start("fake-fe-" + port + "-heartbeat");
    return this;
  }

  /** Closes the listener and every connection and pauses heartbeats (idempotent); state is kept. */
  @Override
  public synchronized void stop() {
    heartbeater.stop();
    server.stop();
  }

  /**
   * {@link #stop()}, and gives up the port: between {@link #stop()} and {@link #start()} the port
   * stays reserved (connections are refused, yet no other socket can take it), so that the restart
   * cannot fail. A later {@link #start()} binds the same port again if it is still free.
   */
  @Override
  public synchronized void close() {
    stop();
    server.releasePort();
  }

  /** True: {@link #start()} after {@link #stop()} listens again on the same port, state kept. */
  @Override
  public boolean restartable() {
    return true;
  }

  /**
   * Stops and starts again on the same port, at once: what clients see is every open connection
   * cut, and the next connection succeeds. No call can fail for lack of an FE in between, so this
   * does not simulate an FE that stays down; use {@link #outage()} (or {@link #stop()} and {@link
   * #start()}) to hold one across an operation.
   */
  public synchronized void restart() {
    stop();
    start();
  }

  /**
   * Takes the FE down until the returned outage is closed: the listener and every connection close
   * (connections to the port are refused), heartbeats pause, and state is kept; closing it starts
   * the FE again on the same port. Holds an outage across an operation:
   *
   * <pre>{@code
   * try (FakeFrontend.Outage down = fe.outage()) {
   *   group.scale(1); // applied, then RegistrationPendingException: the FE is unreachable
   * }
   * // the FE is back here
   * }</pre>
   *
   * @return the outage, to be closed when the FE should come back
   */
  public Outage outage() {
    stop();
    return new Outage(this);
  }

  /**
   * An FE outage started by {@link FakeFrontend#outage()}; {@link #close()} ends it. Thread-safe;
   * closing twice is harmless.
   */
  public static final class Outage implements AutoCloseable {
    private final FakeFrontend fe;

    private Outage(FakeFrontend fe) {
      this.fe = fe;
    }

    /** Starts the FE again on the same port (a no-op when it is already running). */
    @Override
    public void close() {
      fe.start();
    }
  }

  /** True while listening. */
  @Override
  public boolean isRunning() {
    return server.isRunning();
  }

  /**
   * The bound port, kept across restarts.
   *
   * @throws IllegalStateException when started never and configured with port 0
   */
  public synchronized int port() {
    if (port == 0) {
      throw new IllegalStateException("FakeFrontend has not been started: no port bound yet");
    }
    return port;
  }

  /** {@code 127.0.0.1:port}. */
  public HostPort address() {
    return HostPort.of("127.0.0.1", port());
  }

  /** {@code jdbc:mysql://127.0.0.1:port/}. */
  public String jdbcUrl() {
    return "jdbc:mysql://127.0.0.1:" + port() + "/";
  }

  /** An SDK {@link Frontend} pointing here with the root user's credentials. */
  public Frontend frontend() {
    return frontend("root");
  }

  /**
   * An SDK {@link Frontend} pointing here with a configured user's credentials.
   *
   * @throws IllegalArgumentException when the user is not configured
   */
  public Frontend frontend(String user) {
    String password = passwords.get(user);
    if (password == null) {
      throw new IllegalArgumentException("no user '" + user + "' is configured on this FE");
    }
    return Frontend.at(List.of(address())).credentials(Credentials.of(user, password));
  }

  /** A snapshot of the compute nodes, in the order they were added. */
  public List<FakeComputeNode> computeNodes() {
    return context.cluster().snapshot().stream().map(FakeComputeNode::of).toList();
  }

  /** How many compute nodes are registered (without copying them, unlike {@link #computeNodes}). */
  public int computeNodeCount() {
    return context.cluster().snapshot().size();
  }

  /** The compute node at {@code host:heartbeatPort}, if registered. */
  public Optional<FakeComputeNode> computeNode(String host, int heartbeatPort) {
    return computeNodes().stream()
        .filter(n -> n.host().equals(host) && n.heartbeatPort() == heartbeatPort)
        .findFirst();
  }

  /**
   * The statement log (most recent {@link FakeFrontendBuilder#statementLogCapacity} entries),
   * oldest first.
   */
  public List<StatementRecord> statements() {
    return context.log().list();
  }

  /**
   * How many statements the log holds (at most {@link FakeFrontendBuilder#statementLogCapacity});
   * without copying them, unlike {@link #statements}.
   */
  public int statementCount() {
    return context.log().size();
  }

  /** Empties the statement log. */
  public void clearStatements() {
    context.log().clear();
  }

  /** The number of open client connections. */
  public int openConnections() {
    return server.openConnections();
  }

  // ---- test control ----

  /** Registers a node directly, e.g. a node another tool added ({@code default_warehouse}). */
  public void addComputeNode(String host, int heartbeatPort) {
    context.cluster().seed(new NodeAddress(host, heartbeatPort), Profile.DEFAULT_WAREHOUSE);
  }

  /** The warehouses: create some on a {@link FakeFrontendBuilder#multiWarehouse} FE. */
  public FeWarehouses warehouses() {
    return warehouses;
  }

  /** Forgets a node without any statement (the FE lost it); false when it was not registered. */
  public boolean removeComputeNode(String host, int heartbeatPort) {
    return context.cluster().remove(new NodeAddress(host, heartbeatPort));
  }

  /**
   * The node reports a graceful exit: {@code Alive=false}, {@code SHUTDOWN} at once and on every
   * heartbeat until {@link #restartComputeNode}.
   *
   * @throws IllegalArgumentException when the node is not registered
   */
  public void shutdownComputeNode(String host, int heartbeatPort) {
    context.cluster().shutdown(new NodeAddress(host, heartbeatPort));
  }

  /**
   * The node's process starts again after a graceful exit: the next good heartbeat makes it alive
   * with a new {@code LastStartTime}.
   *
   * @throws IllegalArgumentException when the node is not registered
   */
  public void restartComputeNode(String host, int heartbeatPort) {
    context.cluster().restart(new NodeAddress(host, heartbeatPort));
  }

  /** Replaces the heartbeat reachability check (asked with the stored host only). */
  public void setReachability(Predicate<String> hostReachable) {
    this.reachability = Objects.requireNonNull(hostReachable, "hostReachable");
  }

  /** Replaces the IP-mode resolver (name to IP; empty = unknown host). */
  public void setResolver(Function<String, Optional<String>> dns) {
    context.cluster().resolver(Objects.requireNonNull(dns, "dns"));
  }

  /** Runs one heartbeat round now, on the caller's thread (besides the scheduled ones). */
  public void heartbeatNow() {
    heartbeater.pollOnce();
  }

  /** Adds or replaces a user; {@code nodePrivilege} allows ALTER SYSTEM. */
  public void addUser(String user, String password, boolean nodePrivilege) {
    context.users().put(user, password, nodePrivilege);
    passwords.put(user, password);
  }

  // ---- faults ----

  /** The next {@code n} statements, whatever they are, fail with this error. */
  public void failNextStatements(int n, int errorCode, String sqlState, String message) {
    failNextStatements(n, sql -> true, errorCode, sqlState, message);
  }

  /** The next {@code n} statements whose SQL matches {@code sql} fail with this error. */
  public void failNextStatements(
      int n, Predicate<String> sql, int errorCode, String sqlState, String message) {
    context.faults().failNext(n, sql, new FeError(errorCode, sqlState, message));
  }

  /** Removes pending statement failures. */
  public void clearFailures() {
    context.faults().clearFailures();
  }

  /**
   * Adds a delay before every statement's answer ({@link Duration#ZERO} = none), except {@code
   * KILL}; a {@code KILL QUERY} (as Connector/J sends on a query timeout) ends the wait with error
   * 1317.
   */
  public void setLatency(Duration perStatement) {
    context.faults().latency(perStatement);
  }

  /** Closes every open client connection; new connections are accepted. */
  public void dropAllConnections() {
    server.dropAllConnections();
  }

  /** While true, every login fails with error 1045 (access denied). */
  public void refuseLogins(boolean refuse) {
    context.faults().refuseLogins(refuse);
  }

  @Override
  public String toString() {
    return "FakeFrontend[" + context.profile() + ", port=" + port + "]";
  }
}
