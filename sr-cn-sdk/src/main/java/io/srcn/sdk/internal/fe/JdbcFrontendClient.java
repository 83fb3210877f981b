package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendInfo;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.Backoff;
import io.srcn.sdk.internal.CallBudget;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDBC implementation of {@link FrontendClient}: one reused Connector/J connection (see {@link
 * JdbcSessionOpener} for the driver properties), failover and retries by {@link FailoverExecutor},
 * batching and idempotent results by {@link Registrar}, all SQL from {@link FeSql}.
 *
 * <p>Thread-safe: a lock serializes whole calls (an ADD with its re-list and retry is not
 * interleaved with another call). {@link #close()} ends a pending backoff pause at once and then
 * waits for a running statement (at most the query timeout).
 */
public final class JdbcFrontendClient implements FrontendClient {
  private final ClientSettings settings;
  private final FailoverExecutor executor;
  private final Pacer pacer;
  private final Logger log;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile boolean closed;

  /** A client over Connector/J with the real clock. */
  public JdbcFrontendClient(ClientSettings settings) {
    this(
        settings,
        new JdbcSessionOpener(settings.frontend(), settings.resolver(), settings.namespace()),
        Pacer.system(),
        LoggerFactory.getLogger(JdbcFrontendClient.class));
  }

  /** A client with explicit seams (sessions, time, logger); used by tests. */
  public JdbcFrontendClient(
      ClientSettings settings, SessionOpener opener, Pacer pacer, Logger log) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.pacer = pacer;
    this.log = log;
    Backoff backoff =
        new Backoff(
            settings.initialBackoff(),
            settings.maxBackoff(),
            () -> ThreadLocalRandom.current().nextDouble());
    this.executor =
        new FailoverExecutor(settings.frontend().addresses(), opener, backoff, pacer, log);
  }

  @Override
  public List<ComputeNode> computeNodes() {
    return call(ops -> ops.computeNodes("list compute nodes"));
  }

  @Override
  public AddResult add(Collection<HostPort> nodes) {
    return add(nodes, Optional.empty());
  }

  @Override
  public AddResult add(Collection<HostPort> nodes, String warehouse) {
    return add(nodes, Optional.of(FeSql.validateWarehouse(warehouse)));
  }

  @Override
  public DropResult drop(Collection<HostPort> nodes) {
    return drop(nodes, Optional.empty());
  }

  @Override
  public DropResult drop(Collection<HostPort> nodes, String warehouse) {
    return drop(nodes, Optional.of(FeSql.validateWarehouse(warehouse)));
  }

  @Override
  public List<FrontendInfo> frontends() {
    String purpose = "list frontends";
    return call(
        ops ->
            parse(
                purpose, ops.query(purpose, FeSql.SHOW_FRONTENDS), FrontendInfo::of, "FRONTENDS"));
  }

  @Override
  public String serverVersion() {
    String purpose = "read the FE version";
    return call(
        ops -> {
          List<Map<String, String>> rows = ops.query(purpose, FeSql.SELECT_VERSION_COMMENT);
          String comment =
              rows.isEmpty() || rows.get(0).isEmpty()
                  ? ""
                  : rows.get(0).values().iterator().next().trim();
          if (comment.isEmpty()) {
            throw new FrontendException(purpose, 0, null, null, "empty @@version_comment", null);
          }
          return VersionComment.version(comment);
        });
  }

  @Override
  public Optional<HostPort> lastGoodAddress() {
    return executor.lastGoodAddress();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    pacer.wake();
    lock.lock();
    try {
      executor.close();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "FrontendClient{addresses="
        + settings.frontend().addresses()
        + ", credentials="
        + settings.frontend().credentials()
        + ", lastGood="
        + executor.lastGoodAddress().map(HostPort::toString).orElse("none")
        + (closed ? ", closed" : "")
        + "}";
  }

  private AddResult add(Collection<HostPort> nodes, Optional<String> warehouse) {
    List<HostPort> list = checked(nodes);
    if (list.isEmpty()) {
      return new AddResult(List.of(), List.of());
    }
    return call(ops -> new Registrar(ops, settings.batchSize(), log).add(list, warehouse));
  }

  private DropResult drop(Collection<HostPort> nodes, Optional<String> warehouse) {
    List<HostPort> list = checked(nodes);
    if (list.isEmpty()) {
      return new DropResult(List.of(), List.of());
    }
    return call(ops -> new Registrar(ops, settings.batchSize(), log).drop(list, warehouse));
  }

  private static List<HostPort> checked(Collection<HostPort> nodes) {
    Objects.requireNonNull(nodes, "nodes");
    List<HostPort> list = new ArrayList<>(nodes.size());
    for (HostPort n : nodes) {
      list.add(Objects.requireNonNull(n, "nodes must not contain null"));
    }
    return list;
  }

  private <T> T call(Function<Ops, T> body) {
    ensureOpen();
    lock.lock();
    try {
      ensureOpen();
      return body.apply(
          new Ops(pacer.nanoTime() + CallBudget.limit(settings.retryDeadline()).toNanos()));
    } finally {
      lock.unlock();
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the FrontendClient is closed");
    }
  }

  private <T> List<T> parse(
      String purpose,
      List<Map<String, String>> rows,
      Function<Map<String, String>, T> parser,
      String what) {
    List<T> out = new ArrayList<>(rows.size());
    for (Map<String, String> row : rows) {
      try {
        out.add(parser.apply(row));
      } catch (IllegalArgumentException e) {
        throw new FrontendException(
            purpose,
            0,
            null,
            executor.lastGoodAddress().orElse(null),
            "unexpected SHOW " + what + " row: " + e.getMessage(),
            e);
      }
    }
    return out;
  }

  /** The statements of one call, sharing its deadline. */
  private final class Ops implements FeOps {
    private final long deadlineNanos;

    Ops(long deadlineNanos) {
      this.deadlineNanos = deadlineNanos;
    }

    @Override
    public Optional<String> alter(String purpose, String sql, FeErrors.Kind outcome) {
      return executor.execute(
          purpose,
          deadlineNanos,
          session -> {
            try {
              session.execute(sql);
              return Optional.empty();
            } catch (SQLException e) {
              if (FeErrors.classify(e) == outcome) {
                return Optional.of(FeErrors.message(e));
              }
              throw e;
            }
          });
    }

    @Override
    public List<ComputeNode> computeNodes(String purpose) {
      List<Map<String, String>> rows = query(purpose, FeSql.SHOW_COMPUTE_NODES);
      return parse(purpose, rows, ComputeNode::of, "COMPUTE NODES");
    }

    List<Map<String, String>> query(String purpose, String sql) {
      log.trace("FE statement: {}", sql);
      return executor.execute(purpose, deadlineNanos, session -> session.query(sql));
    }
  }
}
