package io.srcn.testkit.k8s.internal;

import tools.jackson.databind.JsonNode;

/**
 * The options of a DELETE, from its body ({@code DeleteOptions}) and query.
 *
 * @param propagation Background (default), Foreground or Orphan
 * @param gracePeriodSeconds the grace period, or null for the object's own
 * @param dryRun whether {@code dryRun: [All]} was given
 * @param uid precondition on {@code metadata.uid}, or null
 * @param resourceVersion precondition on {@code metadata.resourceVersion}, or null
 */
record DeleteOptions(
    String propagation,
    Long gracePeriodSeconds,
    boolean dryRun,
    String uid,
    String resourceVersion) {

  static DeleteOptions of(ApiRequest req) {
    JsonNode body = req.body().isBlank() ? Json.object() : Json.parse(req.body());
    String propagation = Json.text(body, "propagationPolicy");
    if (propagation == null) {
      propagation = req.param("propagationPolicy").orElse(null);
    }
    if (propagation == null
        && (body.path("orphanDependents").asBoolean(false)
            || req.param("orphanDependents").map(Boolean::parseBoolean).orElse(false))) {
      propagation = "Orphan";
    }
    if (propagation == null) {
      propagation = "Background";
    }
    if (!propagation.equals("Background")
        && !propagation.equals("Foreground")
        && !propagation.equals("Orphan")) {
      throw ApiException.badRequest(
          "propagationPolicy: Unsupported value: \""
              + propagation
              + "\": supported values: \"Foreground\", \"Background\", \"Orphan\"");
    }
    Long grace = req.param("gracePeriodSeconds").map(DeleteOptions::seconds).orElse(null);
    if (body.has("gracePeriodSeconds") && !body.get("gracePeriodSeconds").isNull()) {
      grace = body.get("gracePeriodSeconds").asLong();
    }
    boolean dryRun = req.isDryRun();
    for (JsonNode d : body.path("dryRun")) {
      dryRun |= "All".equals(d.asString());
    }
    return new DeleteOptions(
        propagation,
        grace,
        dryRun,
        Json.text(body, "preconditions", "uid"),
        Json.text(body, "preconditions", "resourceVersion"));
  }

  private static Long seconds(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("gracePeriodSeconds: invalid value \"" + value + "\"");
    }
  }
}
