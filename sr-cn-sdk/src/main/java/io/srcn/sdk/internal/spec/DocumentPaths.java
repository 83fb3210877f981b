package io.srcn.sdk.internal.spec;

import java.util.Map;
import java.util.Set;

/**
 * Translates the paths that value checks report (named after accessors, e.g. {@code
 * terminationGracePeriod}) into the paths of a spec document (where durations carry their unit,
 * e.g. {@code spec.terminationGracePeriodSeconds}).
 *
 * <p>Stateless and thread-safe.
 */
public final class DocumentPaths {
  /** Accessor names whose document field has a unit suffix. */
  private static final Map<String, String> UNITS =
      Map.of(
          "terminationGracePeriod", "terminationGracePeriodSeconds",
          "stabilizationWindow", "stabilizationWindowSeconds",
          "period", "periodSeconds",
          "connectTimeout", "connectTimeoutMillis",
          "queryTimeout", "queryTimeoutMillis");

  /** Maps whose keys are user data: a key there is never renamed. */
  private static final Set<String> USER_MAPS =
      Set.of("config", "nodeSelector", "podLabels", "podAnnotations", "resources");

  private DocumentPaths() {}

  /** A spec path ({@code name}, {@code autoscaling.minReplicas}) as a document path. */
  public static String ofSpecPath(String path) {
    if (path.equals("name") || path.equals("namespace")) {
      return "metadata." + path;
    }
    return path.equals("spec") ? path : "spec." + withUnits(path);
  }

  /** The path with its last segment renamed when the document gives that field a unit. */
  static String withUnits(String path) {
    int dot = path.lastIndexOf('.');
    String head = dot < 0 ? "" : path.substring(0, dot + 1);
    String last = dot < 0 ? path : path.substring(dot + 1);
    String first = path.split("[.\\[]", 2)[0];
    if (USER_MAPS.contains(first) || !UNITS.containsKey(last)) {
      return path;
    }
    return head + UNITS.get(last);
  }
}
