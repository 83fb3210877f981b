package io.srcn.testkit.k8s.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The store's indexes answer exactly what a scan of fabric8's map answered (the Store's code before
 * the indexes, kept here as the reference), through random puts and removes of objects of several
 * resources, namespaces, names and labels.
 */
class IndexedObjectsTest {
  private static final ApiResource PODS =
      new ApiResources(List.of("v2")).find("", "v1", "pods").orElseThrow();
  private static final ApiResource STS =
      new ApiResources(List.of("v2")).find("apps", "v1", "statefulsets").orElseThrow();
  private static final ApiResource NAMESPACES =
      new ApiResources(List.of("v2")).find("", "v1", "namespaces").orElseThrow();

  @Test
  void findListAndLabelCandidatesMatchAScanOfTheMap() {
    KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher();
    IndexedObjects index = IndexedObjects.install(dispatcher);
    Map<AttributeSet, String> map = dispatcher.getMap();
    Store store = new Store(map, index);
    Random random = new Random(17);
    List<AttributeSet> stored = new ArrayList<>();
    for (int step = 0; step < 3000; step++) {
      if (!stored.isEmpty() && random.nextInt(3) == 0) {
        map.remove(stored.remove(random.nextInt(stored.size())));
      } else {
        AttributeSet key = randomKey(random);
        // as fabric8's processEvent does: the object's old key goes before its new one is put
        stored.removeIf(old -> sameObject(old, key) && map.remove(old) != null);
        map.put(key, "{\"step\":" + step + "}");
        stored.add(key);
      }
      if (step % 50 == 0) {
        for (ApiResource r : List.of(PODS, STS, NAMESPACES)) {
          for (String ns : new String[] {null, "a", "b"}) {
            assertThat(keys(store.list(r, ns))).isEqualTo(keys(scanList(map, r, ns)));
            ObjectFilter filter = ObjectFilter.labels("app=x" + random.nextInt(3) + ",tier");
            assertThat(keys(store.candidates(r, ns, filter).stream().filter(filter::test).toList()))
                .isEqualTo(keys(scanList(map, r, ns).stream().filter(filter::test).toList()));
            for (int n = 0; n < 6; n++) {
              assertThat(store.find(r, ns, "o" + n).map(StoredObject::key))
                  .isEqualTo(scanFind(map, r, ns, "o" + n).map(StoredObject::key));
            }
            String[] starts = {null, "", "a", "a\0", "a\0o2", "a\0o2x", "b\0o0", "b\0o9", "c"};
            for (String start : starts) {
              long max = random.nextInt(4);
              List<StoredObject> expected =
                  scanList(map, r, ns).stream()
                      .filter(o -> start == null || Paging.key(o).compareTo(start) > 0)
                      .filter(filter::test)
                      .limit(max == 0 ? Long.MAX_VALUE : max)
                      .toList();
              assertThat(keys(store.page(r, ns, filter, start, max)))
                  .as("page after %s, at most %d", start, max)
                  .isEqualTo(keys(expected));
            }
          }
        }
      }
    }
  }

  @Test
  void mutatorsThatWouldBypassTheIndexesAreRefused() {
    KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher();
    IndexedObjects.install(dispatcher);
    Map<AttributeSet, String> map = dispatcher.getMap();
    AttributeSet key = randomKey(new Random(1));
    map.put(key, "{}");
    assertThatThrownBy(() -> map.putIfAbsent(key, "{}"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.entrySet().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> map.keySet().remove(key))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static AttributeSet randomKey(Random random) {
    List<Attribute> a = new ArrayList<>();
    int kind = random.nextInt(3);
    a.add(new Attribute("plural", kind == 1 ? "statefulsets" : kind == 2 ? "namespaces" : "pods"));
    a.add(new Attribute("version", "v1"));
    if (kind == 1) {
      a.add(new Attribute("api", "apps"));
    }
    if (kind != 2) {
      a.add(new Attribute("namespace", random.nextBoolean() ? "a" : "b"));
    }
    a.add(new Attribute("name", "o" + random.nextInt(6)));
    a.add(new Attribute("labels:app", "x" + random.nextInt(3)));
    if (random.nextBoolean()) {
      a.add(new Attribute("labels:tier", "t"));
    }
    return new AttributeSet(a);
  }

  private static boolean sameObject(AttributeSet a, AttributeSet b) {
    for (String k : new String[] {"plural", "api", "version", "namespace", "name"}) {
      if (!Objects.equals(StoredObject.attribute(a, k), StoredObject.attribute(b, k))) {
        return false;
      }
    }
    return true;
  }

  // ---- the scan the Store did before its indexes ----

  private static final Comparator<StoredObject> ORDER =
      Comparator.comparing((StoredObject o) -> Objects.toString(o.namespace(), ""))
          .thenComparing(o -> Objects.toString(o.name(), ""));

  private static List<StoredObject> scanList(
      Map<AttributeSet, String> map, ApiResource r, String namespace) {
    List<StoredObject> out = new ArrayList<>();
    synchronized (map) {
      for (Map.Entry<AttributeSet, String> e : map.entrySet()) {
        if (Store.isOf(e.getKey(), r)
            && (namespace == null
                || !r.namespaced()
                || namespace.equals(StoredObject.attribute(e.getKey(), "namespace")))) {
          out.add(new StoredObject(e.getKey(), e.getValue()));
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  private static Optional<StoredObject> scanFind(
      Map<AttributeSet, String> map, ApiResource r, String namespace, String name) {
    synchronized (map) {
      for (Map.Entry<AttributeSet, String> e : map.entrySet()) {
        AttributeSet key = e.getKey();
        if (name.equals(StoredObject.attribute(key, "name"))
            && Store.isOf(key, r)
            && (!r.namespaced()
                || Objects.equals(namespace, StoredObject.attribute(key, "namespace")))) {
          return Optional.of(new StoredObject(key, e.getValue()));
        }
      }
    }
    return Optional.empty();
  }

  private static List<AttributeSet> keys(List<StoredObject> objects) {
    return objects.stream().map(StoredObject::key).toList();
  }

  @Test
  void aResourcesVersionChangesWithEveryPutAndRemoveOfItsObjectsOnly() {
    KubernetesCrudDispatcher dispatcher = new KubernetesCrudDispatcher();
    IndexedObjects index = IndexedObjects.install(dispatcher);
    Map<AttributeSet, String> map = dispatcher.getMap();
    Store store = new Store(map, index);
    Random random = new Random(23);
    List<AttributeSet> stored = new ArrayList<>();
    for (int step = 0; step < 2000; step++) {
      long pods = store.version(PODS);
      long sts = store.version(STS);
      AttributeSet key;
      if (!stored.isEmpty() && random.nextInt(3) == 0) {
        key = stored.remove(random.nextInt(stored.size()));
        map.remove(key);
      } else {
        key = randomKey(random);
        if (map.put(key, "{\"step\":" + step + "}") == null) {
          stored.add(key);
        }
      }
      boolean pod = "pods".equals(StoredObject.attribute(key, "plural"));
      boolean set = "statefulsets".equals(StoredObject.attribute(key, "plural"));
      assertThat(store.version(PODS) != pods).as("step %d", step).isEqualTo(pod);
      assertThat(store.version(STS) != sts).as("step %d", step).isEqualTo(set);
    }
  }
}
