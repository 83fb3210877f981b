package io.srcn.testkit.k8s.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side printing ({@code meta.k8s.io/v1 Table}) for {@code kubectl get}: the columns of
 * {@link TableColumns} (those of printers.go for Pods, StatefulSets, HPAs, Services, ConfigMaps,
 * Secrets, PDBs, Leases, Events, Endpoints, EndpointSlices and ControllerRevisions; NAME and AGE
 * for every other kind).
 *
 * <p>Stateless and thread-safe.
 */
final class Tables {
  private Tables() {}

  /** Whether the client asked for a Table. */
  static boolean wanted(ApiRequest req) {
    return req.accept() != null && req.accept().contains("as=Table");
  }

  /** A Table of the objects. */
  static ObjectNode of(
      ApiResource r, List<JsonNode> objects, long resourceVersion, String includeObject) {
    ObjectNode table = Json.object();
    table.put("kind", "Table");
    table.put("apiVersion", "meta.k8s.io/v1");
    table.putObject("metadata").put("resourceVersion", String.valueOf(resourceVersion));
    ArrayNode columns = table.putArray("columnDefinitions");
    List<TableColumns.Column> defs = TableColumns.of(r.kind());
    for (TableColumns.Column c : defs) {
      columns
          .addObject()
          .put("name", c.name())
          .put("type", c.type())
          .put("format", c.name().equals("Name") ? "name" : "")
          .put("description", c.name())
          .put("priority", c.priority());
    }
    ArrayNode rows = table.putArray("rows");
    for (JsonNode o : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      for (TableColumns.Column c : defs) {
        Object v = c.cell().apply(o);
        if (v instanceof Number n) {
          cells.add(n.longValue());
        } else {
          cells.add(String.valueOf(v));
        }
      }
      if (!"None".equals(includeObject)) {
        row.set("object", "Object".equals(includeObject) ? o : partial(o));
      }
    }
    return table;
  }

  private static ObjectNode partial(JsonNode o) {
    ObjectNode p = Json.object();
    p.put("kind", "PartialObjectMetadata");
    p.put("apiVersion", "meta.k8s.io/v1");
    p.set("metadata", o.path("metadata").deepCopy());
    return p;
  }

  /** How long ago, as kubectl prints ages ({@code 5s}, {@code 3m}, {@code 2h}, {@code 4d}). */
  static String age(String created) {
    if (created == null) {
      return "<unknown>";
    }
    Duration d = Duration.between(Instant.parse(created), Instant.now());
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + "s";
    }
    if (s < 3600) {
      return s / 60 + "m";
    }
    return s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
  }
}
