package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.Backoff;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;

/**
 * Runs statements on one reused connection, failing over between FE addresses. Each call tries the
 * last FE that answered first, then the others in their configured order; after a round in which
 * every address failed to connect it pauses ({@link Backoff}) and starts another round, until the
 * caller's deadline. A connection is re-validated (ping) only after a statement on it failed, not
 * before every statement; a reused connection that turns out broken is replaced once on the same
 * address before that address counts as failed (it may just have idled out).
 *
 * <p>Errors: access denied becomes {@link FrontendAuthException} at once (never retried); other FE
 * errors become {@link FrontendException} with the call's purpose; when the deadline passes, {@link
 * FrontendUnavailableException} lists each address with its last error.
 *
 * <p>Not thread-safe: the client serializes calls; only {@link #lastGoodAddress()} may be read
 * concurrently.
 */
public final class FailoverExecutor implements AutoCloseable {
  /** Work to run on a session. */
  @FunctionalInterface
  public interface Action<T> {
    /** Runs the work; a thrown {@link SQLException} is classified by {@link FeErrors}. */
    T run(FeSession session) throws SQLException;
  }

  private final List<HostPort> addresses;
  private final SessionOpener opener;
  private final Backoff backoff;
  private final Pacer pacer;
  private final Logger log;

  private FeSession session;
  private HostPort sessionAddress;
  private boolean suspect;
  private volatile HostPort lastGood;

  /** Creates an executor over {@code addresses} (in failover order). */
  public FailoverExecutor(
      List<HostPort> addresses, SessionOpener opener, Backoff backoff, Pacer pacer, Logger log) {
    this.addresses = List.copyOf(addresses);
    this.opener = opener;
    this.backoff = backoff;
    this.pacer = pacer;
    this.log = log;
  }

  /**
   * Runs {@code action}, failing over and retrying until {@code deadlineNanos} ({@link
   * Pacer#nanoTime()} scale). Every address is tried at least once.
   */
  public <T> T execute(String purpose, long deadlineNanos, Action<T> action) {
    Map<HostPort, String> lastErrors = new LinkedHashMap<>();
    SQLException lastFailure = null;
    for (int round = 0; ; round++) {
      for (HostPort address : order()) {
        try {
          return attempt(purpose, address, action, true);
        } catch (Unreachable u) {
          lastErrors.put(address, u.description);
          lastFailure = u.cause;
          log.debug("FE {} unreachable ({}): {}", address, purpose, u.description);
        }
      }
      long delay = backoff.delayNanos(round);
      if (pacer.nanoTime() + delay > deadlineNanos || !pause(purpose, delay)) {
        throw unavailable(purpose, lastErrors, lastFailure);
      }
    }
  }

  /** The address that answered last. */
  public Optional<HostPort> lastGoodAddress() {
    return Optional.ofNullable(lastGood);
  }

  /** Closes the connection, if any. */
  @Override
  public void close() {
    discard();
  }

  private <T> T attempt(String purpose, HostPort address, Action<T> action, boolean mayReconnect)
      throws Unreachable {
    boolean reused = session != null && address.equals(sessionAddress) && healthy();
    FeSession s = reused ? session : open(purpose, address);
    try {
      T result = action.run(s);
      suspect = false;
      remember(address);
      return result;
    } catch (SQLException e) {
      FeErrors.Kind kind = FeErrors.classify(e);
      if (kind == FeErrors.Kind.CONNECTION) {
        discard();
        if (reused && mayReconnect) {
          log.debug("connection to FE {} broke ({}); reconnecting", address, describe(e));
          return attempt(purpose, address, action, false);
        }
        throw new Unreachable(describe(e), e);
      }
      suspect = true;
      remember(address);
      log.debug("{} failed on FE {}: {}", purpose, address, describe(e));
      throw failure(purpose, address, kind, e);
    }
  }

  private boolean healthy() {
    if (!suspect) {
      return true;
    }
    if (session.isValid()) {
      suspect = false;
      return true;
    }
    log.debug("connection to FE {} failed validation; reconnecting", sessionAddress);
    discard();
    return false;
  }

  private FeSession open(String purpose, HostPort address) throws Unreachable {
    discard();
    try {
      FeSession s = opener.open(address);
      session = s;
      sessionAddress = address;
      suspect = false;
      log.debug("connected to FE {}", address);
      return s;
    } catch (SQLException e) {
      if (FeErrors.classify(e) == FeErrors.Kind.ACCESS_DENIED) {
        log.debug("login to FE {} refused: {}", address, describe(e));
        throw failure(purpose, address, FeErrors.Kind.ACCESS_DENIED, e);
      }
      throw new Unreachable(describe(e), e);
    }
  }

  private void remember(HostPort address) {
    HostPort previous = lastGood;
    if (previous != null && !previous.equals(address)) {
      log.info("FE {} answered; switched from FE {}", address, previous);
    }
    lastGood = address;
  }

  private boolean pause(String purpose, long delayNanos) {
    log.debug("no FE reachable ({}); retrying in {} ms", purpose, delayNanos / 1_000_000L);
    return pacer.pause(delayNanos);
  }

  private List<HostPort> order() {
    HostPort first = lastGood;
    if (first == null || first.equals(addresses.get(0))) {
      return addresses;
    }
    List<HostPort> ordered = new ArrayList<>(addresses.size());
    ordered.add(first);
    for (HostPort a : addresses) {
      if (!a.equals(first)) {
        ordered.add(a);
      }
    }
    return ordered;
  }

  private void discard() {
    if (session != null) {
      session.close();
    }
    session = null;
    sessionAddress = null;
    suspect = false;
  }

  private static FrontendException failure(
      String purpose, HostPort address, FeErrors.Kind kind, SQLException e) {
    if (kind == FeErrors.Kind.ACCESS_DENIED) {
      return new FrontendAuthException(
          purpose, e.getErrorCode(), e.getSQLState(), address, FeErrors.message(e), e);
    }
    return new FrontendException(
        purpose, e.getErrorCode(), e.getSQLState(), address, FeErrors.message(e), e);
  }

  private FrontendUnavailableException unavailable(
      String purpose, Map<HostPort, String> lastErrors, SQLException cause) {
    Map<HostPort, String> inOrder = new LinkedHashMap<>();
    for (HostPort a : addresses) {
      inOrder.put(a, lastErrors.getOrDefault(a, "not tried"));
    }
    return new FrontendUnavailableException(purpose, inOrder, cause);
  }

  /** The first line of the driver's message, plus the root cause (e.g. "Connection refused"). */
  static String describe(SQLException e) {
    StringBuilder sb = new StringBuilder(firstLine(String.valueOf(e.getMessage())));
    if (e.getErrorCode() != 0) {
      sb.append(" (error ").append(e.getErrorCode()).append(')');
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root != e && root.getMessage() != null) {
      sb.append(": ").append(firstLine(root.getMessage()));
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    String t = s.strip();
    int nl = t.indexOf('\n');
    String line = nl < 0 ? t : t.substring(0, nl).strip();
    StringBuilder sb = new StringBuilder(line.length());
    line.chars().forEach(c -> sb.append(Character.isISOControl(c) ? ' ' : (char) c));
    return sb.toString();
  }

  /** An address could not be used in this round. */
  private static final class Unreachable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String description;
    private final transient SQLException cause;

    Unreachable(String description, SQLException cause) {
      super(description, null, false, false);
      this.description = description;
      this.cause = cause;
    }
  }
}
