package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Injected failures: the next {@code n} client requests matching a verb and resource get a given
 * status code instead of being served. Simulator traffic is never failed.
 *
 * <p>Thread-safe.
 */
public final class FaultInjector {
  private static final Set<String> WRITES =
      Set.of("create", "update", "patch", "delete", "deletecollection");

  private static final class Rule {
    int remaining;
    final int code;
    final String verb;
    final String resource;

    Rule(int remaining, int code, String verb, String resource) {
      this.remaining = remaining;
      this.code = code;
      this.verb = verb;
      this.resource = resource;
    }

    boolean matches(String v, String r) {
      boolean verbOk =
          verb.equals("*") || verb.equals(v) || (verb.equals("write") && WRITES.contains(v));
      return verbOk && (resource.equals("*") || resource.equals(r));
    }
  }

  private final List<Rule> rules = new ArrayList<>();

  /** Fails the next {@code n} requests matching verb ("*", "write" or a verb) and resource. */
  public synchronized void add(int n, int code, String verb, String resource) {
    rules.add(new Rule(n, code, verb, resource));
  }

  /** Forgets every pending fault. */
  public synchronized void clear() {
    rules.clear();
  }

  /** The failure response for this request, or null to serve it. */
  synchronized MockResponse match(ApiRequest req) {
    String verb = req.target() == ApiRequest.Target.RESOURCE ? req.verb() : "get";
    String resource = RequestRecorder.resourceOf(req);
    for (Iterator<Rule> it = rules.iterator(); it.hasNext(); ) {
      Rule rule = it.next();
      if (rule.matches(verb, resource)) {
        if (--rule.remaining <= 0) {
          it.remove();
        }
        return Responses.status(
            rule.code,
            Responses.reasonFor(rule.code),
            "injected fault: " + verb + " " + resource + " failed with " + rule.code);
      }
    }
    return null;
  }
}
