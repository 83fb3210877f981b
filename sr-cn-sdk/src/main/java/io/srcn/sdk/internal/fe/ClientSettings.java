package io.srcn.sdk.internal.fe;

import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The validated settings of one FE client. Immutable and thread-safe.
 *
 * @param frontend addresses, credentials, timeouts, TLS mode
 * @param resolver turns Secret references into literal credentials
 * @param namespace where the resolver reads Secrets
 * @param retryDeadline how long one call retries unreachable FEs
 * @param batchSize the most nodes per ADD/DROP statement
 * @param initialBackoff the first pause after every address failed
 * @param maxBackoff the longest pause
 */
public record ClientSettings(
    Frontend frontend,
    CredentialsResolver resolver,
    String namespace,
    Duration retryDeadline,
    int batchSize,
    Duration initialBackoff,
    Duration maxBackoff) {
  /** Default {@link #retryDeadline}. */
  public static final Duration DEFAULT_RETRY_DEADLINE = Duration.ofSeconds(30);

  /** Default {@link #batchSize}. */
  public static final int DEFAULT_BATCH_SIZE = 100;

  /** The largest accepted {@link #batchSize}. */
  public static final int MAX_BATCH_SIZE = 1000;

  /** Default {@link #initialBackoff}. */
  public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(100);

  /** Default {@link #maxBackoff}. */
  public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(2);

  /**
   * Validates every setting at once.
   *
   * @throws IllegalArgumentException listing each setting that is out of range
   */
  public ClientSettings {
    Objects.requireNonNull(frontend, "frontend");
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(retryDeadline, "retryDeadline");
    Objects.requireNonNull(initialBackoff, "initialBackoff");
    Objects.requireNonNull(maxBackoff, "maxBackoff");
    List<String> problems = new ArrayList<>();
    if (retryDeadline.isNegative()) {
      problems.add("retryDeadline " + retryDeadline + " must not be negative");
    }
    if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
      problems.add("batchSize " + batchSize + " must be in 1.." + MAX_BATCH_SIZE);
    }
    if (initialBackoff.isNegative() || initialBackoff.isZero()) {
      problems.add("backoff initial " + initialBackoff + " must be positive");
    }
    if (maxBackoff.compareTo(initialBackoff) < 0) {
      problems.add("backoff max " + maxBackoff + " must be >= initial " + initialBackoff);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid FE client settings: " + problems);
    }
  }
}
