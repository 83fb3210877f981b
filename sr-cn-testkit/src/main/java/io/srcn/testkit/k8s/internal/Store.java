package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Read access to the CRUD dispatcher's map, through its indexes ({@link IndexedObjects}): a find is
 * a hash lookup and a list touches only the resource's objects in the namespace (with a label
 * selector, only those carrying one of its {@code label=value} pairs). Callers hold the
 * dispatcher's store lock, so a scan never sees an object half-way through an update.
 *
 * <p>Thread-safe under that lock.
 */
public final class Store {
  private static final Comparator<StoredObject> ORDER =
      Comparator.comparing((StoredObject o) -> Objects.toString(o.namespace(), ""))
          .thenComparing(o -> Objects.toString(o.name(), ""));

  private final Map<AttributeSet, String> map;
  private final IndexedObjects index;

  Store(Map<AttributeSet, String> map, IndexedObjects index) {
    this.map = map;
    this.index = index;
  }

  /** Every stored object of the resource in the namespace (all namespaces when null), by name. */
  public List<StoredObject> list(ApiResource r, String namespace) {
    List<StoredObject> out = new ArrayList<>();
    synchronized (map) {
      for (AttributeSet key : index.list(key(r), namespace, namespace == null || !r.namespaced())) {
        out.add(new StoredObject(key, index.valueOf(key)));
      }
    }
    if (namespace == null || !r.namespaced()) {
      out.sort(ORDER);
    }
    return out;
  }

  /**
   * The stored objects of the resource in the namespace (all namespaces when null) that may match
   * {@code filter}, by name: when the filter's label selector requires a {@code label=value}, only
   * the objects carrying it; otherwise as {@link #list}. Callers still test the filter.
   */
  public List<StoredObject> candidates(ApiResource r, String namespace, ObjectFilter filter) {
    Map.Entry<String, String> pair = filter.requiredLabel();
    if (pair == null || namespace == null || !r.namespaced()) {
      return list(r, namespace);
    }
    List<StoredObject> out = new ArrayList<>();
    synchronized (map) {
      for (AttributeSet key :
          index.withLabel(key(r), namespace, pair.getKey(), pair.getValue(), null)) {
        out.add(new StoredObject(key, index.valueOf(key)));
      }
    }
    return out; // by name: the label index is sorted
  }

  /**
   * One page of a list: the objects of the resource in the namespace (all namespaces when null)
   * that match {@code filter}, in list order ({@link Paging#key}), after {@code startKey} (from the
   * first when null), at most {@code max} (0: all). With a required {@code label=value} in one
   * namespace, only the candidates after the start are looked at: paging through 30,000 pods in
   * pages of 500 no longer reads all 30,000 for every page (issue 19).
   */
  public List<StoredObject> page(
      ApiResource r, String namespace, ObjectFilter filter, String startKey, long max) {
    Map.Entry<String, String> pair = filter.requiredLabel();
    List<StoredObject> out = new ArrayList<>();
    if (pair == null || namespace == null || !r.namespaced()) {
      for (StoredObject o : list(r, namespace)) {
        if ((startKey == null || Paging.key(o).compareTo(startKey) > 0) && filter.test(o)) {
          out.add(o);
          if (max > 0 && out.size() >= max) {
            break;
          }
        }
      }
      return out;
    }
    // every key of the namespace is prefix + name, so in it key order is name order; a start key
    // above the prefix that does not begin with it is above every key of the namespace
    String prefix = namespace + '\0';
    String after = null;
    if (startKey != null && startKey.compareTo(prefix) >= 0) {
      if (!startKey.startsWith(prefix)) {
        return out;
      }
      after = startKey.substring(prefix.length());
    }
    synchronized (map) {
      for (AttributeSet key :
          index.withLabel(key(r), namespace, pair.getKey(), pair.getValue(), after)) {
        StoredObject o = new StoredObject(key, index.valueOf(key));
        if (filter.test(o)) {
          out.add(o);
          if (max > 0 && out.size() >= max) {
            break;
          }
        }
      }
    }
    return out;
  }

  /**
   * A number that changes whenever an object of the resource is stored or removed: while it stays
   * the same, every find and list of the resource answers the same.
   */
  public long version(ApiResource r) {
    synchronized (map) {
      return index.version(key(r));
    }
  }

  /** The object, if stored (a lookup in the name index; only the match is copied out). */
  public Optional<StoredObject> find(ApiResource r, String namespace, String name) {
    synchronized (map) {
      AttributeSet key;
      if (r.namespaced()) {
        key = index.find(key(r), namespace, name);
      } else {
        List<AttributeSet> keys = index.findInAnyNamespace(key(r), name);
        key = keys.isEmpty() ? null : keys.get(0);
      }
      return key == null
          ? Optional.empty()
          : Optional.of(new StoredObject(key, index.valueOf(key)));
    }
  }

  private static String key(ApiResource r) {
    return IndexedObjects.resource(r.group().isEmpty() ? null : r.group(), r.version(), r.plural());
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
