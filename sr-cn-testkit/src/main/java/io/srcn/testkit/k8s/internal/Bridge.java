package io.srcn.testkit.k8s.internal;

import java.util.Locale;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The bridge from pods to the fake FE: whether an address (pod FQDN or pod IP, optionally with a
 * port) belongs to a Ready pod, and pod FQDN to IP resolution.
 *
 * <p>Thread-safe; reads the store directly.
 */
public final class Bridge {
  private final ApiDispatcher server;
  private final ApiResource pods;
  private final String clusterDomain;

  /** A bridge over the dispatcher's pods. */
  public Bridge(ApiDispatcher server, String clusterDomain) {
    this.server = server;
    this.pods = server.resources().find("", "v1", "pods").orElseThrow();
    this.clusterDomain = clusterDomain.toLowerCase(Locale.ROOT);
  }

  /** True iff a Ready, non-terminating pod has that FQDN or IP. */
  public boolean reachable(String address) {
    return find(address).filter(Bridge::ready).isPresent();
  }

  /** The IP of the pod with that FQDN, while it has one. */
  public Optional<String> resolve(String fqdn) {
    String host = hostOf(fqdn);
    return byFqdn(host).map(p -> Json.text(p, "status", "podIP"));
  }

  private Optional<JsonNode> find(String address) {
    String host = hostOf(address);
    if (host.isEmpty()) {
      return Optional.empty();
    }
    if (Character.isDigit(host.charAt(0))
        && host.chars().allMatch(c -> c == '.' || Character.isDigit(c))) {
      return byIp(host);
    }
    return byFqdn(host);
  }

  private Optional<JsonNode> byFqdn(String host) {
    String[] parts = host.split("\\.", 5);
    if (parts.length < 5 || !parts[3].equals("svc") || !parts[4].equals(clusterDomain)) {
      return Optional.empty();
    }
    return server
        .read(() -> server.store().find(pods, parts[2], parts[0]))
        .map(StoredObject::tree)
        .filter(
            p ->
                host.equals(
                    PodNames.fqdn(
                        parts[0],
                        String.valueOf(Json.text(p, "spec", "subdomain")),
                        parts[2],
                        clusterDomain)))
        .map(JsonNode.class::cast);
  }

  private Optional<JsonNode> byIp(String ip) {
    for (StoredObject o : server.read(() -> server.store().list(pods, null))) {
      if (o.json().contains(ip)) {
        JsonNode p = o.tree();
        if (ip.equals(Json.text(p, "status", "podIP"))) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean ready(JsonNode pod) {
    if (pod.path("metadata").hasNonNull("deletionTimestamp")) {
      return false;
    }
    for (JsonNode c : pod.path("status").path("conditions")) {
      if ("Ready".equals(Json.text(c, "type"))) {
        return "True".equals(Json.text(c, "status"));
      }
    }
    return false;
  }

  private static String hostOf(String address) {
    if (address == null) {
      return "";
    }
    String a = address.trim().toLowerCase(Locale.ROOT);
    int colon = a.lastIndexOf(':');
    if (colon > 0 && a.indexOf(':') == colon) {
      a = a.substring(0, colon);
    }
    return a.endsWith(".") ? a.substring(0, a.length() - 1) : a;
  }
}
