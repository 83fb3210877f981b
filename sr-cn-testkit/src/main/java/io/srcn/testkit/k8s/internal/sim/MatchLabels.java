package io.srcn.testkit.k8s.internal.sim;

import tools.jackson.databind.JsonNode;

/**
 * A {@code matchLabels}-style map as a label selector string.
 *
 * <p>Stateless and thread-safe.
 */
final class MatchLabels {
  private MatchLabels() {}

  /** {@code k=v,k2=v2}; null (everything) for an empty map. */
  static String of(JsonNode labels) {
    StringBuilder sb = new StringBuilder();
    labels
        .properties()
        .forEach(
            e ->
                sb.append(sb.length() == 0 ? "" : ",")
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue().asString()));
    return sb.length() == 0 ? null : sb.toString();
  }

  static String orDefault(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }
}
