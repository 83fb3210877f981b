package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.Json;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * The {@code matchLabels} selectors of one kind of object (Services, PodDisruptionBudgets) as a
 * controller last read them, indexed by one of their {@code label=value} pairs, so a pod change
 * finds the selectors that match its labels without listing every object of the namespace (which
 * made a pod change cost O(objects) and the simulation quadratic in the number of groups). An empty
 * selector selects nothing here, as both controllers treat it.
 *
 * <p>Not thread-safe: used on the simulator thread only.
 */
final class SelectorIndex {
  private final Map<String, Map<String, String>> selectors = new HashMap<>();
  private final Map<String, Set<String>> byPair = new HashMap<>();

  /**
   * Records the selector of {@code ns/name} (a {@code matchLabels} map; empty or missing: none).
   */
  void put(String ns, String name, JsonNode matchLabels) {
    String key = ns + '/' + name;
    remove(ns, name);
    Map<String, String> selector = new LinkedHashMap<>();
    if (matchLabels != null) {
      matchLabels.properties().forEach(e -> selector.put(e.getKey(), e.getValue().asString()));
    }
    if (selector.isEmpty()) {
      return;
    }
    selectors.put(key, selector);
    Map.Entry<String, String> first = selector.entrySet().iterator().next();
    byPair
        .computeIfAbsent(pair(ns, first.getKey(), first.getValue()), p -> new TreeSet<>())
        .add(key);
  }

  /** Forgets the selector of {@code ns/name}. */
  void remove(String ns, String name) {
    String key = ns + '/' + name;
    Map<String, String> old = selectors.remove(key);
    if (old != null) {
      Map.Entry<String, String> first = old.entrySet().iterator().next();
      String p = pair(ns, first.getKey(), first.getValue());
      Set<String> keys = byPair.get(p);
      if (keys != null) {
        keys.remove(key);
        if (keys.isEmpty()) {
          byPair.remove(p);
        }
      }
    }
  }

  /** The names (in the namespace) whose selector matches {@code labels}, in name order. */
  Set<String> matching(String ns, JsonNode labels) {
    Set<String> out = new TreeSet<>();
    if (labels == null) {
      return out;
    }
    labels
        .properties()
        .forEach(
            e -> {
              Set<String> keys = byPair.get(pair(ns, e.getKey(), e.getValue().asString()));
              if (keys == null) {
                return;
              }
              for (String key : keys) {
                boolean all = true;
                for (Map.Entry<String, String> req : selectors.get(key).entrySet()) {
                  all &= req.getValue().equals(Json.text(labels, req.getKey()));
                }
                if (all) {
                  out.add(key.substring(ns.length() + 1));
                }
              }
            });
    return out;
  }

  private static String pair(String ns, String label, String value) {
    return ns + '\0' + label + '=' + value;
  }
}
