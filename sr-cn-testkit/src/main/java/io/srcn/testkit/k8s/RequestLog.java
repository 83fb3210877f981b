package io.srcn.testkit.k8s;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The requests clients sent to a {@link MockKubernetes}, for asserting what code under test did and
 * counting the API cost of an operation. Traffic of the built-in simulators (user agent {@code
 * srcn-mock-simulator}) is not recorded; {@link #simulatorRequests()} only counts it.
 *
 * <p>Thread-safe. At most {@value #MAX_ENTRIES} entries are kept (the oldest are dropped); the
 * counters are exact.
 */
public interface RequestLog {
  /** How many entries are kept. */
  int MAX_ENTRIES = 100_000;

  /**
   * One request.
   *
   * @param time when it arrived
   * @param verb Kubernetes verb: get, list, watch, create, update, patch, delete, deletecollection
   *     (discovery and other non-resource requests are {@code get})
   * @param resource plural with subresource ({@code statefulsets/status}); for non-resource
   *     requests, the path ({@code /apis})
   * @param namespace the namespace, or null
   * @param name the object name, or null
   * @param code the HTTP status returned
   * @param userAgent the client's user agent, or null
   * @param duration the time spent serving it
   */
  record Entry(
      Instant time,
      String verb,
      String resource,
      String namespace,
      String name,
      int code,
      String userAgent,
      Duration duration) {}

  /** The recorded entries, oldest first. */
  List<Entry> entries();

  /** The number of requests recorded since the last reset. */
  long count();

  /** Requests matching a verb and resource; either may be {@code "*"} for any. */
  long count(String verb, String resource);

  /** Request counts by verb. */
  Map<String, Long> countsByVerb();

  /** Request counts by resource (plural with subresource). */
  Map<String, Long> countsByResource();

  /** How many requests the simulators made (not part of the other counters). */
  long simulatorRequests();

  /** Forgets every entry and counter. */
  void reset();
}
