package io.srcn.testkit.k8s.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * The bridge from pods to the fake FE: whether an address (pod FQDN or pod IP, optionally with a
 * port) belongs to a Ready pod, and pod FQDN to IP resolution.
 *
 * <p>The FE asks about every node on every heartbeat round (30,000 nodes at 10,000 groups, every
 * 200 ms), so what a pod's JSON says is kept per pod and parsed again only when the stored JSON
 * changed (the store replaces the string on every write; the same instance means the same state).
 *
 * <p>Thread-safe; reads the store directly.
 */
public final class Bridge {
  /** What the bridge needs of a pod, parsed from one stored JSON string. */
  private record PodFacts(String json, boolean ready, String subdomain, String podIp) {}

  private final ApiDispatcher server;
  private final ApiResource pods;
  private final String clusterDomain;
  private static final String DOT = "\\.";
  private final Map<String, PodFacts> facts = new ConcurrentHashMap<>();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();

  /** What {@link #find} answered for an address while the pods were at {@code podsVersion}. */
  private record Answer(long podsVersion, Optional<PodFacts> facts) {}

  /** A bridge over the dispatcher's pods. */
  public Bridge(ApiDispatcher server, String clusterDomain) {
    this.server = server;
    this.pods = server.resources().find("", "v1", "pods").orElseThrow();
    this.clusterDomain = clusterDomain.toLowerCase(Locale.ROOT);
  }

  /** True iff a Ready, non-terminating pod has that FQDN or IP. */
  public boolean reachable(String address) {
    return find(address).filter(PodFacts::ready).isPresent();
  }

  /** The IP of the pod with that FQDN, while it has one. */
  public Optional<String> resolve(String fqdn) {
    String host = hostOf(fqdn);
    return byFqdn(host).map(PodFacts::podIp);
  }

  /**
   * The pod at the address, answered again from the last answer while no pod was stored or removed
   * since (the version is read before the lookup, so an answer is never kept past a change it did
   * not see): a heartbeat round asks about every node, 30,000 at 10,000 groups every 200 ms, and
   * looking each up in the store cost the sandbox about a core (issue 19).
   */
  private Optional<PodFacts> find(String address) {
    long version = server.read(() -> server.store().version(pods));
    Answer last = answers.get(address == null ? "" : address);
    if (last != null && last.podsVersion() == version) {
      return last.facts();
    }
    Optional<PodFacts> found = lookUp(address);
    if (answers.size() > 200_000) {
      answers.clear(); // bounded: addresses of long-gone nodes are asked about no more
    }
    answers.put(address == null ? "" : address, new Answer(version, found));
    return found;
  }

  private Optional<PodFacts> lookUp(String address) {
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

  private Optional<PodFacts> byFqdn(String host) {
    String[] parts = host.split(DOT, 5);
    if (parts.length < 5 || !parts[3].equals("svc") || !parts[4].equals(clusterDomain)) {
      return Optional.empty();
    }
    return server
        .read(() -> server.store().find(pods, parts[2], parts[0]))
        .map(this::facts)
        .filter(
            p ->
                host.equals(
                    PodNames.fqdn(
                        parts[0], String.valueOf(p.subdomain()), parts[2], clusterDomain)));
  }

  private Optional<PodFacts> byIp(String ip) {
    for (StoredObject o : server.read(() -> server.store().list(pods, null))) {
      if (o.json().contains(ip)) {
        PodFacts p = facts(o);
        if (ip.equals(p.podIp())) {
          return Optional.of(p);
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The pods in a namespace (every namespace when null) and how many of them are Ready and not
   * terminating, read straight from the store: {@code [pods, ready]}.
   */
  public long[] podCounts(String namespace) {
    long[] counts = new long[2];
    for (StoredObject o : server.read(() -> server.store().list(pods, namespace))) {
      counts[0]++;
      if (facts(o).ready()) {
        counts[1]++;
      }
    }
    return counts;
  }

  /** What the pod's stored JSON says, parsed once per stored state. */
  private PodFacts facts(StoredObject o) {
    String key = o.namespace() + '/' + o.name();
    PodFacts f = facts.get(key);
    if (f != null && f.json() == o.json()) {
      return f;
    }
    JsonNode p = o.tree();
    f =
        new PodFacts(
            o.json(), ready(p), Json.text(p, "spec", "subdomain"), Json.text(p, "status", "podIP"));
    facts.put(key, f);
    if (facts.size() > 4096 && facts.size() % 1024 == 0) {
      forgetRemovedPods();
    }
    return f;
  }

  /** Drops the facts of pods no longer stored (now and then, so the map stays bounded). */
  private void forgetRemovedPods() {
    facts
        .keySet()
        .removeIf(
            k -> {
              int slash = k.indexOf('/');
              String ns = k.substring(0, slash);
              String name = k.substring(slash + 1);
              return server.read(() -> server.store().find(pods, ns, name)).isEmpty();
            });
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
