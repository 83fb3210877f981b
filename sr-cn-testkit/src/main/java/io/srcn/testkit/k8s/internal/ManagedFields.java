package io.srcn.testkit.k8s.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Field ownership ({@code metadata.managedFields}) as server-side apply keeps it: an Apply entry
 * per applying manager with the fields it sent, and an Update entry per manager of other writes
 * with the fields it changed (an update takes those fields away from everyone else). Status writes
 * are not tracked.
 *
 * <p>Not thread-safe; one instance per write, under the store lock.
 */
final class ManagedFields {
  static final String APPLY = "Apply";
  static final String UPDATE = "Update";

  /** One managedFields entry. */
  static final class Entry {
    final String manager;
    final String operation;
    String apiVersion;
    String time;
    Set<String> paths;
    boolean changed;

    Entry(String manager, String operation, String apiVersion, String time, Set<String> paths) {
      this.manager = manager;
      this.operation = operation;
      this.apiVersion = apiVersion;
      this.time = time;
      this.paths = paths;
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final String apiVersion;

  private ManagedFields(String apiVersion) {
    this.apiVersion = apiVersion;
  }

  /** No entries yet, for a new object of that apiVersion. */
  static ManagedFields empty(String apiVersion) {
    return new ManagedFields(apiVersion);
  }

  /** The entries stored on an object. */
  static ManagedFields of(JsonNode obj) {
    ManagedFields mf = new ManagedFields(Json.text(obj, "apiVersion"));
    for (JsonNode e : obj.path("metadata").path("managedFields")) {
      mf.entries.add(
          new Entry(
              Json.text(e, "manager"),
              Json.text(e, "operation"),
              Json.text(e, "apiVersion"),
              Json.text(e, "time"),
              new LinkedHashSet<>(FieldPaths.fromFieldsV1(e.path("fieldsV1")))));
    }
    return mf;
  }

  /** The fields the manager applied last time (empty when it never applied). */
  Set<String> applied(String manager) {
    Entry e = find(manager, APPLY);
    return e == null ? Set.of() : e.paths;
  }

  /** Whether any entry other than the manager's Apply entry owns the path. */
  boolean ownedByOthers(String manager, String path) {
    for (Entry e : entries) {
      if (!(e.manager.equals(manager) && e.operation.equals(APPLY)) && e.paths.contains(path)) {
        return true;
      }
    }
    return false;
  }

  /** The other managers owning a path. */
  Set<String> otherOwners(String manager, String path) {
    Set<String> out = new TreeSet<>();
    for (Entry e : entries) {
      if (!e.manager.equals(manager) && e.paths.contains(path)) {
        out.add(e.manager);
      }
    }
    return out;
  }

  /** Takes a path away from every manager but this one. */
  void takeFromOthers(String manager, String path) {
    for (Entry e : entries) {
      if (!e.manager.equals(manager) && e.paths.remove(path)) {
        e.changed = true;
      }
    }
  }

  /** Records an apply: the manager's Apply entry now holds exactly these paths. */
  void recordApply(String manager, Set<String> paths) {
    Entry e = find(manager, APPLY);
    if (e == null) {
      entries.add(newEntry(manager, APPLY, paths));
    } else if (!e.paths.equals(paths)) {
      e.paths = new LinkedHashSet<>(paths);
      e.changed = true;
    }
  }

  /**
   * Records a non-apply write: changed paths move to the manager's Update entry, removed ones
   * vanish.
   */
  void recordUpdate(String manager, Map<String, JsonNode> before, Map<String, JsonNode> after) {
    Set<String> changed = new LinkedHashSet<>();
    after.forEach(
        (p, v) -> {
          if (!Objects.equals(before.get(p), v)) {
            changed.add(p);
          }
        });
    for (Entry e : entries) {
      boolean gone =
          e.paths.removeIf(
              p ->
                  !after.containsKey(p)
                      || (changed.contains(p)
                          && !(e.manager.equals(manager) && e.operation.equals(UPDATE))));
      e.changed |= gone;
    }
    if (changed.isEmpty()) {
      return;
    }
    Entry mine = find(manager, UPDATE);
    if (mine == null) {
      entries.add(newEntry(manager, UPDATE, changed));
    } else if (mine.paths.addAll(changed)) {
      mine.changed = true;
    }
  }

  /** Writes the entries (unchanged ones keep their time) into the object's metadata. */
  void writeTo(ObjectNode obj) {
    ArrayNode out = Json.array();
    for (Entry e : entries) {
      if (e.paths.isEmpty()) {
        continue;
      }
      ObjectNode n = out.addObject();
      n.put("manager", e.manager);
      n.put("operation", e.operation);
      n.put("apiVersion", e.changed || e.apiVersion == null ? apiVersion : e.apiVersion);
      n.put("time", e.changed || e.time == null ? now() : e.time);
      n.put("fieldsType", "FieldsV1");
      n.set("fieldsV1", FieldPaths.toFieldsV1(e.paths));
    }
    if (out.isEmpty()) {
      Json.metadata(obj).remove("managedFields");
    } else {
      Json.metadata(obj).set("managedFields", out);
    }
  }

  private Entry find(String manager, String operation) {
    for (Entry e : entries) {
      if (e.manager.equals(manager) && e.operation.equals(operation)) {
        return e;
      }
    }
    return null;
  }

  private Entry newEntry(String manager, String operation, Set<String> paths) {
    Entry e = new Entry(manager, operation, apiVersion, null, new LinkedHashSet<>(paths));
    e.changed = true;
    return e;
  }

  private static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** The field manager of a request: {@code fieldManager}, else the user agent's product name. */
  static String managerOf(ApiRequest req) {
    String explicit = req.query().get("fieldManager");
    if (explicit != null && !explicit.isEmpty()) {
      return explicit;
    }
    String agent = req.userAgent();
    if (agent == null || agent.isBlank()) {
      return "unknown";
    }
    if (agent.equals(InternalClient.USER_AGENT)) {
      return "kube-controller-manager";
    }
    int slash = agent.indexOf('/');
    return slash > 0 ? agent.substring(0, slash) : agent;
  }
}
