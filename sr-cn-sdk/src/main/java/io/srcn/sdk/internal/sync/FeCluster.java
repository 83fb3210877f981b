package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendUnavailableException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.Backoff;
import io.srcn.sdk.internal.CallBudget;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One FE cluster as every group registered with it sees it: a shared {@link FrontendClient}, a
 * shared snapshot of {@code SHOW COMPUTE NODES} (so a resync over many groups lists once per FE
 * cluster), and a circuit breaker (after a failure, calls fail fast with the last error until a
 * growing cool-down has passed, so one FE outage does not hold every group's worker for the
 * client's full retry deadline).
 *
 * <p>Thread-safe.
 */
final class FeCluster implements AutoCloseable {
  private static final Backoff COOL_DOWN =
      Backoff.doubling(Duration.ofSeconds(2), Duration.ofSeconds(30));

  /** How long a detected host mode is trusted before {@code SHOW FRONTENDS} is read again. */
  static final Duration HOST_MODE_MAX_AGE = Duration.ofMinutes(1);

  private final FrontendClient client;
  private final LongSupplier nanoClock;
  private final AddCoalescer adds;

  /**
   * Group commit of ADDs ({@link AddCoalescer}); on unless the system property {@code
   * srcn.groupCommit} was {@code false} when the cluster was first used (kept so a benchmark can
   * measure the old behaviour side by side; not an API).
   */
  private final boolean groupCommit =
      !"false".equalsIgnoreCase(System.getProperty("srcn.groupCommit"));

  private FeListing snapshot;
  private long snapshotAt;
  private CnSdkException lastFailure;
  private long openUntil;
  private int trips;
  private long listings;
  private FeHostMode hostMode;
  private String version = "";
  private Optional<HostPort> hostModeAddress = Optional.empty();
  private long hostModeAt;

  FeCluster(FrontendClient client, LongSupplier nanoClock) {
    this.client = client;
    this.nanoClock = nanoClock;
    this.adds = new AddCoalescer(this::send);
  }

  /**
   * The FE's nodes, from the shared snapshot when it is younger than {@code maxAge}.
   *
   * @throws CnSdkException when the FE cannot be asked (possibly the breaker's last error)
   */
  synchronized List<FeNode> nodes(Duration maxAge) {
    long now = nanoClock.getAsLong();
    if (snapshot != null && now - snapshotAt <= maxAge.toNanos()) {
      return snapshot;
    }
    failFastIfOpen(now);
    try {
      List<FeNode> fresh = new ArrayList<>();
      client.computeNodes().forEach(row -> fresh.add(FeNode.of(row)));
      listings++;
      snapshot = FeListing.of(fresh);
      snapshotAt = nanoClock.getAsLong();
      closeBreaker();
      return snapshot;
    } catch (CnSdkException e) {
      throw trip(e);
    }
  }

  /**
   * How this FE cluster stores compute node hosts ({@link FeHostMode}). Read with {@code SHOW
   * FRONTENDS} on first use, and again once {@link #HOST_MODE_MAX_AGE} has passed, after an outage
   * (the breaker tripped) or when another FE address answers (a failover, a new leader). When
   * {@code SHOW FRONTENDS} fails on a working FE (a privilege), the answer is IP mode, which works
   * either way.
   *
   * @throws CnSdkException when the FE cannot be reached
   */
  FeHostMode hostMode() {
    synchronized (this) {
      if (hostMode != null
          && client.lastGoodAddress().equals(hostModeAddress)
          && nanoClock.getAsLong() - hostModeAt < HOST_MODE_MAX_AGE.toNanos()) {
        return hostMode;
      }
      failFastIfOpen(nanoClock.getAsLong());
    }
    FeHostMode detected;
    String release = "";
    try {
      detected = FeHostMode.fromFrontends(client.frontends());
      release = readVersion();
    } catch (FrontendUnavailableException e) {
      throw trip(e);
    } catch (CnSdkException e) {
      detected = FeHostMode.unknown(e.getMessage());
    }
    learned(detected);
    synchronized (this) {
      version = release;
    }
    return detected;
  }

  /** The FE's release as read with the host mode, e.g. {@code 3.3.5}; empty when unknown. */
  synchronized String version() {
    return version;
  }

  private String readVersion() {
    try {
      return client.serverVersion();
    } catch (FrontendUnavailableException e) {
      throw e;
    } catch (CnSdkException e) {
      return "";
    }
  }

  /** Records what the engine learned of the host mode (for example from what the FE stored). */
  synchronized void learned(FeHostMode mode) {
    hostMode = mode;
    hostModeAddress = client.lastGoodAddress();
    hostModeAt = nanoClock.getAsLong();
  }

  /**
   * Adds nodes and records them in the snapshot. The warehouse clause is left out for {@code
   * default_warehouse} ({@link Warehouses}). With group commit the nodes go out at once when no ADD
   * into the same warehouse is in flight on this FE cluster, else with the next ADD, merged with
   * the other groups' nodes asked for meanwhile; waits for that ADD.
   */
  AddResult add(List<HostPort> nodes, Optional<String> warehouse) {
    Optional<String> clause = Warehouses.clause(warehouse);
    AddResult result = write(() -> groupCommit ? adds.add(nodes, clause) : send(nodes, clause));
    synchronized (this) {
      if (snapshot != null) {
        snapshot = withRegistered(snapshot, result, warehouse);
      }
    }
    return result;
  }

  private AddResult send(List<HostPort> nodes, Optional<String> clause) {
    return clause.isPresent() ? client.add(nodes, clause.get()) : client.add(nodes);
  }

  /** Drops nodes (one batched statement) and removes them from the snapshot. */
  DropResult drop(List<HostPort> nodes, Optional<String> warehouse) {
    Optional<String> clause = Warehouses.clause(warehouse);
    DropResult result =
        write(() -> clause.isPresent() ? client.drop(nodes, clause.get()) : client.drop(nodes));
    synchronized (this) {
      if (snapshot != null) {
        Set<HostPort> gone = new HashSet<>();
        result.dropped().forEach(a -> gone.add(RegistrationPlanner.normalize(a)));
        result.alreadyAbsent().forEach(a -> gone.add(RegistrationPlanner.normalize(a)));
        snapshot =
            FeListing.of(
                snapshot.stream()
                    .filter(n -> !gone.contains(RegistrationPlanner.normalize(n.address())))
                    .toList());
      }
    }
    return result;
  }

  /** Runs an ADD or DROP through the breaker: fails fast while open, trips when the FE is gone. */
  private <T> T write(Supplier<T> statement) {
    synchronized (this) {
      failFastIfOpen(nanoClock.getAsLong());
    }
    T result;
    try {
      result = statement.get();
    } catch (CnSdkException e) {
      throw tripIfUnavailable(e);
    }
    synchronized (this) {
      closeBreaker();
    }
    return result;
  }

  /**
   * The snapshot plus what the ADD registered and what the FE said it already had: a node another
   * engine (a handle, another replica) registered after the last listing is registered all the
   * same, and passes that decide on this snapshot must see it.
   */
  private static FeListing withRegistered(
      FeListing snapshot, AddResult result, Optional<String> warehouse) {
    Map<HostPort, FeNode> known = snapshot.index().listed();
    Set<HostPort> added = new HashSet<>();
    List<FeNode> appended = new ArrayList<>();
    List<HostPort> registered = new ArrayList<>(result.added());
    registered.addAll(result.alreadyPresent());
    for (HostPort a : registered) {
      HostPort normalized = RegistrationPlanner.normalize(a);
      if (!known.containsKey(normalized) && added.add(normalized)) {
        appended.add(FeNode.justAdded(a, warehouse));
      }
    }
    return snapshot.plus(appended);
  }

  /** The last listing of the FE's nodes, however old (empty when it was never listed). */
  synchronized java.util.Optional<List<FeNode>> lastListing() {
    return java.util.Optional.ofNullable(snapshot);
  }

  /** Forgets the snapshot, so the next {@link #nodes} lists again. */
  synchronized void invalidate() {
    snapshot = null;
  }

  /** How many times this cluster was listed (for benchmarks and tests). */
  synchronized long listings() {
    return listings;
  }

  @Override
  public void close() {
    client.close();
  }

  private void failFastIfOpen(long now) {
    if (CallBudget.active()) {
      // a handle call tries the FE itself (it may be back), unless the same call already found
      // it unreachable (CallBudget)
      if (lastFailure != null && CallBudget.foundUnreachable()) {
        throw lastFailure;
      }
      return;
    }
    if (lastFailure != null && now < openUntil) {
      throw lastFailure;
    }
  }

  private void closeBreaker() {
    lastFailure = null;
    openUntil = 0;
    trips = 0;
  }

  private synchronized CnSdkException tripIfUnavailable(CnSdkException e) {
    return e instanceof FrontendUnavailableException ? trip(e) : e;
  }

  /**
   * Opens the breaker for an FE that cannot be used at all: unreachable, refusing our login, or
   * credentials that cannot be resolved. A failed statement on a working FE does not open it.
   */
  private synchronized CnSdkException trip(CnSdkException e) {
    if (e instanceof FrontendAuthException
        || e instanceof FrontendUnavailableException
        || !(e instanceof FrontendException)) {
      lastFailure = e;
      CallBudget.markUnreachable();
      hostMode = null; // the FE may come back restarted, in another mode
      openUntil = nanoClock.getAsLong() + COOL_DOWN.nominalNanos(trips++);
    }
    return e;
  }
}
