package io.srcn.sdk.fe;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.CredentialsUnresolvableException;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.internal.fe.ClientSettings;
import io.srcn.sdk.internal.fe.JdbcFrontendClient;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SDK's connection to the StarRocks FE: adds, drops and lists compute nodes over the MySQL
 * protocol ({@code ALTER SYSTEM ADD|DROP COMPUTE NODE}, {@code SHOW COMPUTE NODES}).
 *
 * <p>Results are idempotent: adding a node that is already registered reports it in {@link
 * AddResult#alreadyPresent()}, dropping one that is not reports it in {@link
 * DropResult#alreadyAbsent()}. All nodes of a call go into one statement (up to the batch size,
 * default 100). FE addresses are tried in order, starting with the last one that answered, with
 * exponential backoff and jitter until the retry deadline; refused logins and missing privileges
 * ({@link FrontendAuthException}) are never retried. Every failure is a {@link CnSdkException}:
 * {@link FrontendException} names the statement's purpose, {@link FrontendUnavailableException}
 * lists each address's last error.
 *
 * <pre>{@code
 * try (FrontendClient fe = FrontendClient.create(Frontend.at("fe-0.fe-search:9030"))) {
 *   AddResult r = fe.add(List.of(HostPort.parse("g-cn-0.g-cn-search.ns.svc.cluster.local:9050")));
 * }
 * }</pre>
 *
 * <p>Thread-safe: calls are serialized on one reused connection.
 */
public interface FrontendClient extends AutoCloseable {

  /**
   * A client for an FE whose credentials are literal.
   *
   * @throws CredentialsUnresolvableException when the credentials refer to a Secret (use {@link
   *     #builder(Frontend)} with a {@link CredentialsResolver})
   */
  static FrontendClient create(Frontend frontend) {
    return builder(frontend).build();
  }

  /** A builder for a client of {@code frontend}. */
  static Builder builder(Frontend frontend) {
    return new Builder(frontend);
  }

  /** Lists the registered compute nodes ({@code SHOW COMPUTE NODES}), in the FE's order. */
  List<ComputeNode> computeNodes();

  /** Registers the nodes that are not registered yet. Duplicates in the input count once. */
  AddResult add(Collection<HostPort> nodes);

  /**
   * Registers the nodes into a warehouse ({@code INTO WAREHOUSE}). What each FE accepts: 3.3 and
   * older have no such clause (a syntax error, error 1064); 3.4 and later parse it, and an OSS FE
   * knows only {@code default_warehouse} (another name: "Warehouse name: w not exist.", error 10001
   * on 3.4, 5901 from 3.5); multi-warehouse vendor builds know those created. Sent as given: prefer
   * {@link #add(Collection)} for {@code default_warehouse}, which every version accepts.
   *
   * @throws IllegalArgumentException when the warehouse name is not a plain identifier
   */
  AddResult add(Collection<HostPort> nodes, String warehouse);

  /** Deregisters the nodes that are registered. Duplicates in the input count once. */
  DropResult drop(Collection<HostPort> nodes);

  /**
   * Deregisters the nodes from a warehouse ({@code FROM WAREHOUSE}, FE 3.4 and later as for {@link
   * #add(Collection, String)}); a node registered in another warehouse counts as already absent
   * from this one. Without the clause, FEs before 4.0 drop from {@code default_warehouse} only.
   *
   * @throws IllegalArgumentException when the warehouse name is not a plain identifier
   */
  DropResult drop(Collection<HostPort> nodes, String warehouse);

  /** Lists the FEs of the cluster ({@code SHOW FRONTENDS}): leader, followers, versions. */
  List<FrontendInfo> frontends();

  /** The StarRocks version of the FE that answers, e.g. {@code 3.3.5}. */
  String serverVersion();

  /** The FE address that answered last, empty before the first successful statement. */
  Optional<HostPort> lastGoodAddress();

  /** Closes the connection. Idempotent; later calls throw {@link IllegalStateException}. */
  @Override
  void close();

  /**
   * Configures a {@link FrontendClient}. Not thread-safe; {@link #build()} may be called more than
   * once, each time creating an independent client.
   */
  final class Builder {
    private final Frontend frontend;
    private CredentialsResolver resolver;
    private String namespace = "";
    private Duration retryDeadline = ClientSettings.DEFAULT_RETRY_DEADLINE;
    private int batchSize = ClientSettings.DEFAULT_BATCH_SIZE;
    private Duration initialBackoff = ClientSettings.DEFAULT_INITIAL_BACKOFF;
    private Duration maxBackoff = ClientSettings.DEFAULT_MAX_BACKOFF;

    private Builder(Frontend frontend) {
      this.frontend = Objects.requireNonNull(frontend, "frontend");
    }

    /**
     * Resolves Secret-referenced credentials in {@code namespace}, each time a connection is opened
     * (so a rotated password is picked up on the next connection).
     */
    public Builder credentialsResolver(CredentialsResolver resolver, String namespace) {
      this.resolver = Objects.requireNonNull(resolver, "resolver");
      this.namespace = Objects.requireNonNull(namespace, "namespace");
      return this;
    }

    /**
     * How long one call keeps retrying unreachable FEs (default 30 s). Every address is tried at
     * least once, and a round that has started finishes, so a call may overrun the deadline by up
     * to one connect timeout per address.
     */
    public Builder retryDeadline(Duration deadline) {
      this.retryDeadline = Objects.requireNonNull(deadline, "retryDeadline");
      return this;
    }

    /** The most nodes per {@code ADD}/{@code DROP} statement (default 100). */
    public Builder batchSize(int batchSize) {
      this.batchSize = batchSize;
      return this;
    }

    /**
     * The pause after every FE address failed once: {@code initial}, doubling up to {@code max},
     * with jitter (defaults 100 ms and 2 s).
     */
    public Builder backoff(Duration initial, Duration max) {
      this.initialBackoff = Objects.requireNonNull(initial, "initial");
      this.maxBackoff = Objects.requireNonNull(max, "max");
      return this;
    }

    /**
     * Creates the client. It connects lazily, on the first call.
     *
     * @throws IllegalArgumentException naming the setting when one is out of range
     * @throws CredentialsUnresolvableException when the credentials refer to a Secret and no
     *     resolver was set
     */
    public FrontendClient build() {
      if (resolver == null && !frontend.credentials().isLiteral()) {
        throw new CredentialsUnresolvableException(
            "the FE credentials refer to Secret '"
                + frontend.credentials().secretName().orElse("")
                + "': configure FrontendClient.builder(frontend).credentialsResolver("
                + "CredentialsResolver.kubernetes(client), namespace)",
            null,
            frontend.credentials().secretName().orElse(""),
            null);
      }
      CredentialsResolver effective =
          resolver != null ? resolver : CredentialsResolver.literalOnly();
      return new JdbcFrontendClient(
          new ClientSettings(
              frontend,
              effective,
              namespace,
              retryDeadline,
              batchSize,
              initialBackoff,
              maxBackoff));
    }
  }
}
