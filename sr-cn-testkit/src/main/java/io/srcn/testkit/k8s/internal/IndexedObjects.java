package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.CrudDispatcher;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The store of fabric8's CRUD dispatcher (a map from index attributes to JSON, in insertion order,
 * as fabric8 keeps it) with two indexes, so a lookup by name or by label does not scan every
 * object: resource ({@code api/version/plural}) → namespace → name → key, and resource → namespace
 * → {@code label=value} → keys. fabric8 scans its map on every create, update and find; at 80,000
 * objects (10,000 groups) the scans made each write cost milliseconds and the simulators'
 * per-change lookups quadratic.
 *
 * <p>Only {@code put}, {@code remove}, {@code clear} and reads are supported, which is all
 * fabric8's {@code KubernetesCrudDispatcher} and this package use; views are read-only and the bulk
 * mutators throw, so no change can bypass the indexes. Not thread-safe: used behind {@link
 * Collections#synchronizedMap}, whose lock callers hold for index queries too.
 */
final class IndexedObjects extends LinkedHashMap<AttributeSet, String> {
  private static final long serialVersionUID = 1L;
  private static final String NONE = "\0";
  private static final String LABEL = "labels:";
  private static final Field ATTRIBUTES = attributesField();

  private final transient Map<String, Map<String, TreeMap<String, AttributeSet>>> byName =
      new HashMap<>();
  private final transient Map<String, Map<String, Map<String, TreeMap<String, AttributeSet>>>>
      byLabel = new HashMap<>();
  // the value of every named stored key, by the key's identity: fabric8's AttributeSet.hashCode
  // walks every attribute, and a list page of 500 looked up every candidate (30,000 pods) by it
  private final transient Map<AttributeSet, String> values = new IdentityHashMap<>();
  private final transient Map<String, long[]> versions = new HashMap<>();

  /**
   * Replaces the map fabric8's dispatcher created (empty, in its constructor) with an indexed one
   * wrapped the same way ({@link Collections#synchronizedMap}); returns the indexed map.
   *
   * @throws IllegalStateException when fabric8's field cannot be replaced (a fabric8 upgrade)
   */
  static IndexedObjects install(CrudDispatcher dispatcher) {
    IndexedObjects objects = new IndexedObjects();
    try {
      Field map = CrudDispatcher.class.getDeclaredField("map");
      map.setAccessible(true);
      if (!((Map<?, ?>) map.get(dispatcher)).isEmpty()) {
        throw new IllegalStateException("the store must be empty when its index is installed");
      }
      map.set(dispatcher, Collections.synchronizedMap(objects));
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot index fabric8's CrudDispatcher.map (did fabric8 change it?): " + e, e);
    }
    return objects;
  }

  private static Field attributesField() {
    try {
      Field f = AttributeSet.class.getDeclaredField("attributes");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException(
          "cannot read fabric8's AttributeSet.attributes (did fabric8 change it?): " + e, e);
    }
  }

  /** The index key of a resource: api group ({@code \0} for the core group), version, plural. */
  static String resource(String api, String version, String plural) {
    return (api == null ? NONE : api) + '/' + version + '/' + plural;
  }

  /** The stored key of the named object, or null (namespace null: cluster-scoped). */
  AttributeSet find(String resource, String namespace, String name) {
    Map<String, TreeMap<String, AttributeSet>> spaces = byName.get(resource);
    TreeMap<String, AttributeSet> names = spaces == null ? null : spaces.get(ns(namespace));
    return names == null ? null : names.get(name);
  }

  /** Every stored key of that name in any namespace of the resource. */
  List<AttributeSet> findInAnyNamespace(String resource, String name) {
    List<AttributeSet> out = new ArrayList<>();
    for (TreeMap<String, AttributeSet> names : byName.getOrDefault(resource, Map.of()).values()) {
      AttributeSet k = names.get(name);
      if (k != null) {
        out.add(k);
      }
    }
    return out;
  }

  /**
   * The stored keys of the resource in one namespace (every namespace when {@code allNamespaces}),
   * by namespace then name.
   */
  List<AttributeSet> list(String resource, String namespace, boolean allNamespaces) {
    Map<String, TreeMap<String, AttributeSet>> spaces = byName.getOrDefault(resource, Map.of());
    if (!allNamespaces) {
      TreeMap<String, AttributeSet> names = spaces.get(ns(namespace));
      return names == null ? List.of() : new ArrayList<>(names.values());
    }
    List<AttributeSet> out = new ArrayList<>();
    for (TreeMap<String, AttributeSet> names : new TreeMap<>(spaces).values()) {
      out.addAll(names.values());
    }
    return out;
  }

  /**
   * The stored keys of the resource in the namespace that carry {@code label=value}, by name, after
   * the name {@code after} (all when null).
   */
  Collection<AttributeSet> withLabel(
      String resource, String namespace, String label, String value, String after) {
    TreeMap<String, AttributeSet> keys =
        byLabel
            .getOrDefault(resource, Map.of())
            .getOrDefault(ns(namespace), Map.of())
            .get(label + '=' + value);
    if (keys == null) {
      return List.of();
    }
    return after == null ? keys.values() : keys.tailMap(after, false).values();
  }

  /**
   * The value of a key this map holds (an instance from {@link #find}, {@link #list} or {@link
   * #withLabel}), found by identity; other keys by equality.
   */
  String valueOf(AttributeSet storedKey) {
    String v = values.get(storedKey);
    return v != null ? v : super.get(storedKey);
  }

  /**
   * How many times objects of the resource were put or removed: equal numbers mean no object of the
   * resource changed in between (what a caller derived from them still holds).
   */
  long version(String resource) {
    long[] v = versions.get(resource);
    return v == null ? 0 : v[0];
  }

  @Override
  public String put(AttributeSet key, String value) {
    String old = super.put(key, value);
    if (old == null) {
      index(key, true);
    }
    AttributeSet stored = storedInstance(key); // the map keeps the first of equal keys
    if (stored != null) {
      values.put(stored, value);
    }
    changed(key);
    return old;
  }

  @Override
  public String remove(Object key) {
    AttributeSet stored = key instanceof AttributeSet a ? storedInstance(a) : null;
    String old = super.remove(key);
    if (old != null) {
      index((AttributeSet) key, false);
      if (stored != null) {
        values.remove(stored);
      }
      changed((AttributeSet) key);
    }
    return old;
  }

  /** The instance of an equal key in the name index (null for an unnamed or absent key). */
  private AttributeSet storedInstance(AttributeSet key) {
    String plural = StoredObject.attribute(key, "plural");
    String version = StoredObject.attribute(key, "version");
    String name = StoredObject.attribute(key, "name");
    if (plural == null || version == null || name == null) {
      return null;
    }
    AttributeSet found =
        find(
            resource(StoredObject.attribute(key, "api"), version, plural),
            StoredObject.attribute(key, "namespace"),
            name);
    return found != null && found.equals(key) ? found : null;
  }

  @Override
  public void clear() {
    super.clear();
    byName.clear();
    byLabel.clear();
    values.clear();
    versions.values().forEach(v -> v[0]++);
  }

  private void changed(AttributeSet key) {
    String plural = StoredObject.attribute(key, "plural");
    String version = StoredObject.attribute(key, "version");
    if (plural != null && version != null) {
      versions
          .computeIfAbsent(
              resource(StoredObject.attribute(key, "api"), version, plural), r -> new long[1])[0]++;
    }
  }

  private void index(AttributeSet key, boolean add) {
    String plural = StoredObject.attribute(key, "plural");
    String version = StoredObject.attribute(key, "version");
    String name = StoredObject.attribute(key, "name");
    if (plural == null || version == null) {
      return; // no resource can match it (Store.isOf needs both)
    }
    String resource = resource(StoredObject.attribute(key, "api"), version, plural);
    String space = ns(StoredObject.attribute(key, "namespace"));
    if (name != null) {
      Map<String, TreeMap<String, AttributeSet>> spaces = byName.get(resource);
      if (add) {
        byName
            .computeIfAbsent(resource, r -> new HashMap<>())
            .computeIfAbsent(space, s -> new TreeMap<>())
            .put(name, key);
      } else if (spaces != null && spaces.get(space) != null) {
        spaces.get(space).remove(name, key);
        if (spaces.get(space).isEmpty()) {
          spaces.remove(space);
        }
      }
    }
    for (Attribute a : attributes(key)) {
      String k = a.getKey().toString();
      if (!k.startsWith(LABEL) || a.getValues().isEmpty()) {
        continue;
      }
      if (name == null) {
        continue; // every stored object has a name (fabric8 fills in generateName)
      }
      String pair = k.substring(LABEL.length()) + '=' + a.getValues().get(0);
      Map<String, TreeMap<String, AttributeSet>> pairs =
          byLabel
              .computeIfAbsent(resource, r -> new HashMap<>())
              .computeIfAbsent(space, s -> new HashMap<>());
      if (add) {
        pairs.computeIfAbsent(pair, p -> new TreeMap<>()).put(name, key);
      } else if (pairs.get(pair) != null) {
        pairs.get(pair).remove(name, key);
        if (pairs.get(pair).isEmpty()) {
          pairs.remove(pair);
        }
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Collection<Attribute> attributes(AttributeSet key) {
    try {
      return ((Map<?, Attribute>) ATTRIBUTES.get(key)).values();
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read fabric8's AttributeSet.attributes", e);
    }
  }

  private static String ns(String namespace) {
    return namespace == null ? NONE : namespace;
  }

  // ---- views are read-only and bulk mutators are refused, so nothing bypasses the indexes ----

  @Override
  public Set<Map.Entry<AttributeSet, String>> entrySet() {
    return Collections.unmodifiableSet(super.entrySet());
  }

  @Override
  public Set<AttributeSet> keySet() {
    return Collections.unmodifiableSet(super.keySet());
  }

  @Override
  public Collection<String> values() {
    return Collections.unmodifiableCollection(super.values());
  }

  @Override
  public void putAll(Map<? extends AttributeSet, ? extends String> m) {
    m.forEach(this::put);
  }

  @Override
  public String putIfAbsent(AttributeSet key, String value) {
    throw unsupported();
  }

  @Override
  public boolean remove(Object key, Object value) {
    throw unsupported();
  }

  @Override
  public boolean replace(AttributeSet key, String oldValue, String newValue) {
    throw unsupported();
  }

  @Override
  public String replace(AttributeSet key, String value) {
    throw unsupported();
  }

  @Override
  public void replaceAll(BiFunction<? super AttributeSet, ? super String, ? extends String> f) {
    throw unsupported();
  }

  @Override
  public String computeIfAbsent(
      AttributeSet key, Function<? super AttributeSet, ? extends String> f) {
    throw unsupported();
  }

  @Override
  public String computeIfPresent(
      AttributeSet key, BiFunction<? super AttributeSet, ? super String, ? extends String> f) {
    throw unsupported();
  }

  @Override
  public String compute(
      AttributeSet key, BiFunction<? super AttributeSet, ? super String, ? extends String> f) {
    throw unsupported();
  }

  @Override
  public String merge(
      AttributeSet key,
      String value,
      BiFunction<? super String, ? super String, ? extends String> f) {
    throw unsupported();
  }

  private static UnsupportedOperationException unsupported() {
    return new UnsupportedOperationException(
        "the mock's store supports put, remove and clear only (its indexes must see every change)");
  }
}
