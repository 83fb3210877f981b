package io.srcn.testkit.k8s.internal;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * fabric8's CRUD dispatcher hardened: every request is parsed, recorded, checked against injected
 * faults and routed to handlers that add server-side apply, RFC 7386 merge patch, strategic merge,
 * set-based selectors, dry runs, subresources, cascading deletes and discovery. fabric8's store,
 * metadata handling and watches are reused.
 *
 * <p>Thread-safe: mutations are serialized by one store lock, reads share it.
 */
public final class ApiDispatcher extends KubernetesCrudDispatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final ApiResources resources;
  private final ServerOptions options;
  private final IndexedObjects index;
  private final Store store;
  private final RequestRecorder recorder = new RequestRecorder();
  private final FaultInjector faults = new FaultInjector();
  private final List<Consumer<StoreChange>> listeners = new CopyOnWriteArrayList<>();
  private final AtomicLong lastResourceVersion = new AtomicLong();
  private final Discovery discovery;
  private final ReadHandler reads;
  private final WriteHandler writes;
  private final DeleteHandler deletes;
  private final GarbageCollector garbageCollector;
  private final WatchHub watches;
  private final AccessReviews accessReviews = new AccessReviews();
  private final VersionedRequests versions = new VersionedRequests(this);
  private boolean dryRun; // guarded by the write lock
  private boolean statusOnCreate; // guarded by the write lock

  /** A dispatcher serving the given resources; background work runs on {@code executor}. */
  public ApiDispatcher(
      ApiResources resources, ServerOptions options, ScheduledExecutorService executor) {
    this.resources = resources;
    this.options = options;
    this.index = IndexedObjects.install(this);
    this.store = new Store(map, index);
    this.discovery = new Discovery(this);
    this.reads = new ReadHandler(this);
    this.writes = new WriteHandler(this);
    this.deletes = new DeleteHandler(this);
    this.garbageCollector = new GarbageCollector(this, executor);
    this.watches = new WatchHub(this);
    listeners.add(garbageCollector::onChange);
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    return serve(ApiRequest.of(request, false));
  }

  /** Serves a parsed request (HTTP or in-process). */
  public MockResponse serve(ApiRequest req) {
    long start = System.nanoTime();
    MockResponse response = req.internal() ? null : faults.match(req);
    if (response == null) {
      response = route(req);
    }
    recorder.record(req, response.code(), start);
    return response;
  }

  /**
   * Serves a watch over chunked HTTP: returns the error response when the request fails before
   * streaming (an injected fault, an unknown resource, a bad option), or null once the watch
   * streams to {@code sink}.
   */
  MockResponse streamWatch(ApiRequest req, WatchSink sink) {
    long start = System.nanoTime();
    MockResponse response = faults.match(req);
    if (response == null) {
      try {
        if (req.target() != ApiRequest.Target.RESOURCE) {
          throw ApiException.noSuchResource();
        }
        ApiResource r = resolve(req);
        ApiResource storage = resources.storageOf(r);
        watches.stream(storage == r ? req : versions.toStorage(req, r, storage), storage, sink, r);
      } catch (ApiException e) {
        response = Responses.status(e);
      } catch (RuntimeException e) {
        LOG.warn("mock API server failed on {}", req, e);
        response = Responses.status(500, "InternalError", "mock API server error: " + e);
      }
    }
    recorder.record(req, response == null ? 200 : response.code(), start);
    return response;
  }

  private MockResponse route(ApiRequest req) {
    try {
      if (req.bodyError() != null) {
        throw req.bodyError();
      }
      switch (req.target()) {
        case DISCOVERY:
          return read(() -> discovery.serve(req));
        case OTHER:
          return discovery.serveOther(req);
        default:
          return accessReviews.handles(req)
              ? accessReviews.serve(req)
              : resource(req, resolve(req));
      }
    } catch (ApiException e) {
      return Responses.status(e);
    } catch (RuntimeException e) {
      LOG.warn("mock API server failed on {}", req, e);
      return Responses.status(500, "InternalError", "mock API server error: " + e);
    }
  }

  private MockResponse resource(ApiRequest req, ApiResource r) {
    ApiResource storage = resources.storageOf(r);
    return storage == r ? direct(req, r) : versions.serve(req, r, storage);
  }

  /** Serves a request on the resource that stores its objects (no fault, no record). */
  MockResponse direct(ApiRequest req, ApiResource r) {
    switch (req.verb()) {
      case "get":
        return read(() -> reads.get(req, r));
      case "list":
        return read(() -> reads.list(req, r));
      case "watch":
        return watches.open(req, r, r);
      case "create":
        return write(req, () -> writes.create(req, r));
      case "update":
        return write(req, () -> writes.update(req, r));
      case "patch":
        return write(req, () -> writes.patch(req, r));
      case "delete":
        return write(req, () -> deletes.delete(req, r));
      case "deletecollection":
        return write(req, () -> deletes.deleteCollection(req, r));
      default:
        throw new ApiException(
            405, "MethodNotAllowed", "method " + req.method() + " is not supported");
    }
  }

  /** The served resource a request addresses; 404 when the server does not serve it. */
  ApiResource resolve(ApiRequest req) {
    return resources
        .find(req.group(), req.version(), req.plural())
        .or(() -> read(() -> discovery.customResource(req.group(), req.version(), req.plural())))
        .orElseThrow(ApiException::noSuchResource);
  }

  /** Runs a read under the shared store lock. */
  <T> T read(Supplier<T> body) {
    lock.readLock().lock();
    try {
      return body.get();
    } finally {
      lock.readLock().unlock();
    }
  }

  /** Runs a write under the exclusive store lock ({@code dryRun=All} applies inside). */
  <T> T write(ApiRequest req, Supplier<T> body) {
    lock.writeLock().lock();
    boolean outer = dryRun;
    dryRun = outer || req.isDryRun();
    try {
      return body.get();
    } finally {
      dryRun = outer;
      lock.writeLock().unlock();
    }
  }

  // ---- primitives on fabric8's handlers (callers hold the write lock) ----

  /** fabric8's create on a collection path (sets uid, creationTimestamp, resourceVersion). */
  MockResponse parentCreate(String collectionPath, JsonNode body) {
    return super.handleCreate(
        synthetic(HttpMethod.POST, collectionPath, "application/json", Json.write(body)));
  }

  /** fabric8's create keeping the body's status (pods start Pending, as on a real server). */
  MockResponse parentCreateWithStatus(String collectionPath, JsonNode body) {
    statusOnCreate = true;
    try {
      return parentCreate(collectionPath, body);
    } finally {
      statusOnCreate = false;
    }
  }

  /** fabric8's replace (keeps status for status subresources, bumps generation on spec changes). */
  MockResponse parentUpdate(String path, JsonNode body) {
    return super.handleUpdate(
        synthetic(HttpMethod.PUT, path, "application/json", Json.write(body)));
  }

  /** fabric8's RFC 6902 JSON patch. */
  MockResponse parentJsonPatch(String path, String body) {
    return super.handlePatch(
        synthetic(HttpMethod.PATCH, path, "application/json-patch+json", body));
  }

  /** Persists a new state of a stored object, or removes it when {@code json} is null. */
  void persist(String objectPath, StoredObject current, String json) {
    processEvent(objectPath, getKey(objectPath), current.key(), null, json);
  }

  private static RecordedRequest synthetic(
      HttpMethod method, String path, String type, String body) {
    Headers headers = Headers.builder().add("Content-Type", type).build();
    return new RecordedRequest(
        "HTTP/1.1",
        method,
        path,
        headers,
        new Buffer(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  // ---- hooks into fabric8's CRUD dispatcher ----

  @Override
  public boolean isStatusSubresourceEnabledForResource(String path) {
    if (statusOnCreate && lock.isWriteLockedByCurrentThread()) {
      return false;
    }
    ApiRequest req = ApiRequest.internal(HttpMethod.GET, path, null, null);
    if (req.target() == ApiRequest.Target.RESOURCE) {
      var builtIn = resources.find(req.group(), req.version(), req.plural());
      if (builtIn.isPresent()) {
        return builtIn.get().hasStatus();
      }
    }
    return super.isStatusSubresourceEnabledForResource(path);
  }

  /**
   * fabric8's lookup of the object a request path names (its handlers call it on every create,
   * update and patch): through the name index when the path names a resource version and an object,
   * otherwise by a scan.
   */
  @Override
  public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
    String api = StoredObject.attribute(attributes, "api");
    String plural = StoredObject.attribute(attributes, "plural");
    String version = StoredObject.attribute(attributes, "version");
    String name = StoredObject.attribute(attributes, "name");
    synchronized (map) {
      if (plural != null && version != null && name != null) {
        String resource = IndexedObjects.resource(api, version, plural);
        String namespace = StoredObject.attribute(attributes, "namespace");
        List<AttributeSet> keys =
            namespace != null
                ? java.util.Optional.ofNullable(index.find(resource, namespace, name))
                    .map(List::of)
                    .orElse(List.of())
                : index.findInAnyNamespace(resource, name);
        if (keys.size() <= 1) {
          AttributeSet key = keys.isEmpty() ? null : keys.get(0);
          return key != null && key.matches(attributes) ? Map.entry(key, map.get(key)) : null;
        }
      }
      for (Map.Entry<AttributeSet, String> e : map.entrySet()) {
        if (e.getKey().matches(attributes)
            && Objects.equals(api, StoredObject.attribute(e.getKey(), "api"))) {
          return Map.entry(e.getKey(), e.getValue());
        }
      }
    }
    return null;
  }

  @Override
  public long requestResourceVersion() {
    long v = super.requestResourceVersion();
    lastResourceVersion.set(v);
    return v;
  }

  @Override
  public void processEvent(
      String path,
      AttributeSet pathAttributes,
      AttributeSet oldAttributes,
      GenericKubernetesResource resource,
      String newState) {
    if (dryRun) {
      return;
    }
    String before = oldAttributes == null ? null : map.get(oldAttributes);
    Instant at = Instant.now();
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (!Objects.equals(before, newState)) {
      watches.publish(before, newState);
      StoreChange change = new StoreChange(before, newState, at);
      for (Consumer<StoreChange> l : listeners) {
        l.accept(change);
      }
    }
  }

  // ---- accessors for handlers and the facade ----

  /** Registers a store-change listener; it runs under the store lock and must only enqueue. */
  public void addListener(Consumer<StoreChange> listener) {
    listeners.add(listener);
  }

  /** The garbage collector. */
  GarbageCollector garbageCollector() {
    return garbageCollector;
  }

  /** The resource type of a stored object, or null when it is no longer served. */
  ApiResource resourceOf(StoredObject o) {
    String api = StoredObject.attribute(o.key(), "api");
    String group = api == null ? "" : api;
    String version = StoredObject.attribute(o.key(), "version");
    String plural = StoredObject.attribute(o.key(), "plural");
    if (version == null || plural == null) {
      return null;
    }
    return resources
        .find(group, version, plural)
        .or(() -> discovery.customResource(group, version, plural))
        .orElse(null);
  }

  /** Whether the current write is a dry run (callers hold the write lock). */
  boolean dryRun() {
    return dryRun;
  }

  /** The latest resourceVersion handed out. */
  public long resourceVersion() {
    return lastResourceVersion.get();
  }

  /** Read access to the store (callers hold the lock, see {@link #read}). */
  public Store store() {
    return store;
  }

  /** The served built-in resources. */
  public ApiResources resources() {
    return resources;
  }

  /** Server options. */
  public ServerOptions options() {
    return options;
  }

  /** The request log. */
  public RequestRecorder recorder() {
    return recorder;
  }

  /** Fault injection. */
  public FaultInjector faults() {
    return faults;
  }

  /** The self subject access reviews (what the caller may do). */
  public AccessReviews accessReviews() {
    return accessReviews;
  }

  /** The watches. */
  WatchHub watches() {
    return watches;
  }

  /** Forgets watch history: a watch from an older resourceVersion than the current gets 410. */
  public void compactWatchHistory() {
    watches.compact();
  }

  /** Ends every open watch (clients re-watch). */
  public void expireWatches() {
    watches.expireAll();
  }

  /** Sets how often watches that allow bookmarks get one. */
  public void watchBookmarkInterval(java.time.Duration interval) {
    watches.bookmarkInterval(interval);
  }

  /** Closes every watch (the server is stopping). */
  public void closeWatches() {
    watches.close();
  }
}
