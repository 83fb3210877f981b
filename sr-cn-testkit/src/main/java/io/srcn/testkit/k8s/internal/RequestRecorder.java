package io.srcn.testkit.k8s.internal;

import io.srcn.testkit.k8s.RequestLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@link RequestLog} of one mock API server.
 *
 * <p>Thread-safe.
 */
public final class RequestRecorder implements RequestLog {
  private final Deque<Entry> entries = new ArrayDeque<>();
  private final Map<String, Long> byVerb = new TreeMap<>();
  private final Map<String, Long> byResource = new TreeMap<>();
  private final AtomicLong simulator = new AtomicLong();
  private long count;

  /** Records a served request. */
  void record(ApiRequest req, int code, long startNanos) {
    if (req.internal()) {
      simulator.incrementAndGet();
      return;
    }
    String verb = req.target() == ApiRequest.Target.RESOURCE ? req.verb() : "get";
    String resource = resourceOf(req);
    Entry e =
        new Entry(
            Instant.now(),
            verb,
            resource,
            req.namespace(),
            req.name(),
            code,
            req.userAgent(),
            Duration.ofNanos(System.nanoTime() - startNanos));
    synchronized (this) {
      if (entries.size() == MAX_ENTRIES) {
        entries.removeFirst();
      }
      entries.addLast(e);
      byVerb.merge(verb, 1L, Long::sum);
      byResource.merge(resource, 1L, Long::sum);
      count++;
    }
  }

  static String resourceOf(ApiRequest req) {
    if (req.target() != ApiRequest.Target.RESOURCE) {
      return req.path();
    }
    return req.subresource() == null ? req.plural() : req.plural() + "/" + req.subresource();
  }

  @Override
  public synchronized List<Entry> entries() {
    return List.copyOf(new ArrayList<>(entries));
  }

  @Override
  public synchronized long count() {
    return count;
  }

  @Override
  public synchronized long count(String verb, String resource) {
    long n = 0;
    for (Entry e : entries) {
      if (("*".equals(verb) || e.verb().equals(verb))
          && ("*".equals(resource) || e.resource().equals(resource))) {
        n++;
      }
    }
    return n;
  }

  @Override
  public synchronized Map<String, Long> countsByVerb() {
    return Map.copyOf(byVerb);
  }

  @Override
  public synchronized Map<String, Long> countsByResource() {
    return Map.copyOf(byResource);
  }

  @Override
  public long simulatorRequests() {
    return simulator.get();
  }

  @Override
  public synchronized void reset() {
    entries.clear();
    byVerb.clear();
    byResource.clear();
    count = 0;
    simulator.set(0);
  }
}
