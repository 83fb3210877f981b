package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read access to the CRUD dispatcher's map. Callers hold the dispatcher's store lock, so a scan
 * never sees an object half-way through an update.
 *
 * <p>Thread-safe under that lock.
 */
public final class Store {
  private static final Comparator<StoredObject> ORDER =
      Comparator.comparing((StoredObject o) -> Objects.toString(o.namespace(), ""))
          .thenComparing(o -> Objects.toString(o.name(), ""));

  private final Map<AttributeSet, String> map;

  Store(Map<AttributeSet, String> map) {
    this.map = map;
  }

  /** Every stored object of the resource in the namespace (all namespaces when null), by name. */
  public List<StoredObject> list(ApiResource r, String namespace) {
    List<StoredObject> out = new ArrayList<>();
    synchronized (map) {
      for (Map.Entry<AttributeSet, String> e : map.entrySet()) {
        AttributeSet key = e.getKey();
        if (isOf(key, r)
            && (namespace == null
                || !r.namespaced()
                || namespace.equals(StoredObject.attribute(key, "namespace")))) {
          out.add(new StoredObject(key, e.getValue()));
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  /** The object, if stored (one pass over the keys; only the match is copied out). */
  public Optional<StoredObject> find(ApiResource r, String namespace, String name) {
    synchronized (map) {
      for (Map.Entry<AttributeSet, String> e : map.entrySet()) {
        AttributeSet key = e.getKey();
        if (name.equals(StoredObject.attribute(key, "name"))
            && isOf(key, r)
            && (!r.namespaced()
                || Objects.equals(namespace, StoredObject.attribute(key, "namespace")))) {
          return Optional.of(new StoredObject(key, e.getValue()));
        }
      }
    }
    return Optional.empty();
  }

  /** Every stored object. */
  public List<StoredObject> all() {
    return snapshot();
  }

  /** Whether a store key belongs to the resource (group, version and plural all equal). */
  static boolean isOf(AttributeSet key, ApiResource r) {
    String api = StoredObject.attribute(key, "api");
    return r.plural().equals(StoredObject.attribute(key, "plural"))
        && r.version().equals(StoredObject.attribute(key, "version"))
        && (r.group().isEmpty() ? api == null : r.group().equals(api));
  }

  private List<StoredObject> snapshot() {
    List<Map.Entry<AttributeSet, String>> entries;
    synchronized (map) {
      entries = new ArrayList<>(map.entrySet());
    }
    List<StoredObject> out = new ArrayList<>(entries.size());
    for (Map.Entry<AttributeSet, String> e : entries) {
      out.add(new StoredObject(e.getKey(), e.getValue()));
    }
    return out;
  }
}
