package io.srcn.testkit.standalone;

import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.RequestLog;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The {@code sandbox} command's admin endpoints on its mock Kubernetes API server, so a client in
 * another process (a benchmark, a non-Java test) can count what it cost without listing the cluster
 * over HTTP:
 *
 * <pre>
 * GET    /k8s/requests               {"count":N,"byVerb":{"get":N,...},"simulator":N,
 *                                     "byVerbResource":{"get statefulsets":N,...}}
 * DELETE /k8s/requests               forgets the request log and counters
 * GET    /k8s/pods[?namespace=NS]    {"pods":N,"ready":N} (every namespace without one)
 * </pre>
 *
 * <p>The counters are the mock's {@link RequestLog}: client requests only, the simulators' own
 * traffic is counted apart. Stateless and thread-safe.
 */
final class KubernetesAdmin {
  private final MockKubernetes k8s;

  KubernetesAdmin(MockKubernetes k8s) {
    this.k8s = k8s;
  }

  /** The answer to {@code METHOD path}, or null when it is not one of these endpoints. */
  String route(String method, String path, Map<String, String> q) {
    switch (method + " " + path) {
      case "GET /k8s/requests":
        RequestLog log = k8s.requests();
        return "{\"count\":"
            + log.count()
            + ",\"byVerb\":{"
            + log.countsByVerb().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> Json.string(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(","))
            + "},\"simulator\":"
            + log.simulatorRequests()
            + ",\"byVerbResource\":{"
            + byVerbResource(log)
            + "}}";
      case "DELETE /k8s/requests":
        k8s.requests().reset();
        return "{\"ok\":true}";
      case "GET /k8s/pods":
        MockKubernetes.PodCount c = k8s.podCount(q.get("namespace"));
        return "{\"pods\":" + c.pods() + ",\"ready\":" + c.ready() + "}";
      default:
        return null;
    }
  }

  /**
   * {@code "verb resource":N} pairs, sorted, from the kept entries (the log keeps the newest
   * {@value RequestLog#MAX_ENTRIES}, so past that these count only the newest).
   */
  private static String byVerbResource(RequestLog log) {
    Map<String, Long> counts =
        log.entries().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.verb() + " " + e.resource(), TreeMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .map(e -> Json.string(e.getKey()) + ":" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
