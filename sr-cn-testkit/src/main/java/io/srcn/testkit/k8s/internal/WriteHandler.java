package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.zjsonpatch.JsonPatch;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Create (POST), replace (PUT) and patch (PATCH: JSON patch, RFC 7386 merge patch, strategic merge
 * patch and server-side apply). Every write ends in fabric8's create or replace, which keep uid,
 * creationTimestamp, resourceVersion, generation and status-subresource rules.
 *
 * <p>Thread-safe; callers hold the store's write lock.
 */
final class WriteHandler {
  static final String JSON_PATCH = "application/json-patch+json";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String STRATEGIC_PATCH = "application/strategic-merge-patch+json";
  static final String APPLY_PATCH = "application/apply-patch+yaml";
  private static final String NAME_CHARS = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ApiDispatcher server;
  private final ServerSideApply apply;

  WriteHandler(ApiDispatcher server) {
    this.server = server;
    this.apply = new ServerSideApply(server, this);
  }

  MockResponse create(ApiRequest req, ApiResource r) {
    if (req.name() != null) {
      throw new ApiException(405, "MethodNotAllowed", "POST is not supported on " + req.path());
    }
    ObjectNode obj = objectBody(Json.parse(req.body()));
    checkType(obj, r);
    List<String> warnings = req.internal() ? List.of() : UnknownFields.handle(req, obj);
    String ns = namespaceOf(req, r, obj);
    ObjectNode meta = Json.metadata(obj);
    if (Json.text(meta, "name") == null) {
      meta.put("name", generateName(r, ns, Json.text(meta, "generateName")));
    }
    ManagedFields owners = ManagedFields.empty(r.groupVersion());
    owners.recordUpdate(
        ManagedFields.managerOf(req), java.util.Map.of(), FieldPaths.leaves(obj, !r.hasStatus()));
    owners.writeTo(obj);
    return withWarnings(createObject(r, ns, obj), warnings);
  }

  private static MockResponse withWarnings(MockResponse response, List<String> warnings) {
    for (String w : warnings) {
      response.addHeader("Warning", w);
    }
    return response;
  }

  /** Creates an object after the name, type and ownership steps (shared with server-side apply). */
  MockResponse createObject(ApiResource r, String ns, ObjectNode obj) {
    String name = Json.text(obj, "metadata", "name");
    requireNamespace(r, ns);
    if (server.store().find(r, ns, name).isPresent()) {
      throw ApiException.alreadyExists(r, name);
    }
    if (ns != null) {
      Json.metadata(obj).put("namespace", ns);
    }
    Defaults.apply(r, obj);
    Validation.check(r, obj);
    if (Defaults.initialStatus(r, obj)) {
      return fix(server.parentCreateWithStatus(Paths.collection(r, ns), obj));
    }
    return fix(server.parentCreate(Paths.collection(r, ns), obj));
  }

  MockResponse update(ApiRequest req, ApiResource r) {
    if ("scale".equals(req.subresource())) {
      return ScaleSubresource.update(server, this, req, r);
    }
    checkSubresource(req, r);
    ObjectNode obj = objectBody(Json.parse(req.body()));
    checkType(obj, r);
    StoredObject current = current(req, r);
    return replace(req, r, current, obj, true);
  }

  MockResponse patch(ApiRequest req, ApiResource r) {
    String type = mediaType(req.contentType());
    if ("scale".equals(req.subresource())) {
      return ScaleSubresource.patch(server, this, req, r, type);
    }
    checkSubresource(req, r);
    if (type.equals(APPLY_PATCH)) {
      return apply.apply(req, r);
    }
    StoredObject current = current(req, r);
    JsonNode patched = patchDocument(type, current.tree(), req.body());
    return replace(req, r, current, objectBody(patched), true);
  }

  /** Applies a merge or strategic merge patch to a document (415 for anything else). */
  static JsonNode patchDocument(String type, JsonNode document, String body) {
    switch (type) {
      case JSON_PATCH:
        try {
          return JsonPatch.apply(Json.parse(body), document);
        } catch (RuntimeException e) {
          if (e instanceof ApiException) {
            throw e;
          }
          throw ApiException.patchNotApplicable(e.getMessage());
        }
      case MERGE_PATCH:
        return MergePatch.apply(document, Json.parse(body));
      case STRATEGIC_PATCH:
        return StrategicMergePatch.apply(document, Json.parse(body));
      default:
        throw ApiException.unsupportedMediaType(
            "the body of the request was in an unknown format - accepted media types include: "
                + String.join(", ", JSON_PATCH, MERGE_PATCH, APPLY_PATCH, STRATEGIC_PATCH));
    }
  }

  /**
   * Replaces the object (or its status) with a new full document; {@code trackUpdate} records the
   * changed fields as owned by the request's field manager (server-side apply records its own).
   */
  MockResponse replace(
      ApiRequest req, ApiResource r, StoredObject current, ObjectNode next, boolean trackUpdate) {
    ObjectNode live = current.tree();
    checkResourceVersion(r, live, next);
    List<String> warnings =
        req.subresource() == null && !req.internal() ? UnknownFields.handle(req, next) : List.of();
    if (req.subresource() == null) {
      Defaults.apply(r, next);
      Finalizers.keepDeletionMarks(live, next);
      Finalizers.checkNoneAdded(r, live, next);
      checkImmutable(r, live, next);
      Validation.check(r, next);
      if (trackUpdate) {
        ManagedFields owners = ManagedFields.of(live);
        owners.recordUpdate(
            ManagedFields.managerOf(req),
            FieldPaths.leaves(live, !r.hasStatus()),
            FieldPaths.leaves(next, !r.hasStatus()));
        owners.writeTo(next);
      }
    }
    if (req.subresource() == null && Finalizers.releasesDeletion(live, next)) {
      // the last finalizer of an object being deleted is gone: the object goes, and the answer is
      // the object as updated (Store.Update then deleteWithoutFinalizers in
      // k8s.io/apiserver/pkg/registry/generic/registry/store.go), never an empty body
      Json.metadata(next).put("resourceVersion", String.valueOf(server.requestResourceVersion()));
      server.persist(req.objectPath(), current, null);
      return Responses.json(200, next);
    }
    return withWarnings(fix(server.parentUpdate(req.objectPathWithSubresource(), next)), warnings);
  }

  /** 409 Conflict when the update names a resourceVersion that is no longer the current one. */
  private static void checkResourceVersion(ApiResource r, JsonNode live, JsonNode next) {
    String wanted = Json.text(next, "metadata", "resourceVersion");
    if (wanted != null
        && !wanted.isEmpty()
        && !wanted.equals(Json.text(live, "metadata", "resourceVersion"))) {
      throw ApiException.staleResourceVersion(r, Json.text(live, "metadata", "name"));
    }
  }

  StoredObject current(ApiRequest req, ApiResource r) {
    return server
        .store()
        .find(r, req.namespace(), req.name())
        .orElseThrow(() -> ApiException.notFound(r, req.name()));
  }

  /** 404 when namespaces are required and this one does not exist. */
  void requireNamespace(ApiResource r, String ns) {
    if (!r.namespaced() || !server.options().requireNamespaces()) {
      return;
    }
    ApiResource namespaces = server.resources().find("", "v1", "namespaces").orElseThrow();
    if (server.store().find(namespaces, null, ns).isEmpty()) {
      throw ApiException.notFound(namespaces, ns);
    }
  }

  static ObjectNode objectBody(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw ApiException.badRequest("the request body must be a JSON object");
    }
    return (ObjectNode) node;
  }

  /**
   * Checks the body's apiVersion and kind against the URL; missing ones are filled from the URL, as
   * the API server's decoder does with the request's default group/version/kind (gvkWithDefaults in
   * k8s.io/apimachinery/pkg/runtime/serializer/json/json.go): the Python client's typed models send
   * neither.
   */
  static void checkType(ObjectNode obj, ApiResource r) {
    String apiVersion = Json.text(obj, "apiVersion");
    String kind = Json.text(obj, "kind");
    if (apiVersion == null || apiVersion.isEmpty()) {
      apiVersion = r.groupVersion();
      obj.put("apiVersion", apiVersion);
    }
    if (kind == null || kind.isEmpty()) {
      kind = r.kind();
      obj.put("kind", kind);
    }
    if (!apiVersion.equals(r.groupVersion())) {
      throw ApiException.badRequest(
          "the API version in the data ("
              + apiVersion
              + ") does not match the expected API version ("
              + r.groupVersion()
              + ")");
    }
    if (!kind.equals(r.kind())) {
      throw ApiException.badRequest(
          "the kind in the data ("
              + kind
              + ") does not match the expected kind ("
              + r.kind()
              + ")");
    }
  }

  static String namespaceOf(ApiRequest req, ApiResource r, ObjectNode obj) {
    if (!r.namespaced()) {
      return null;
    }
    String inBody = Json.text(obj, "metadata", "namespace");
    if (req.namespace() == null) {
      throw ApiException.badRequest("a namespace is required to create " + r.qualifiedPlural());
    }
    if (inBody != null && !inBody.isEmpty() && !inBody.equals(req.namespace())) {
      throw ApiException.badRequest(
          "the namespace of the provided object ("
              + inBody
              + ") does not match the namespace sent on the request ("
              + req.namespace()
              + ")");
    }
    return req.namespace();
  }

  private void checkSubresource(ApiRequest req, ApiResource r) {
    String sub = req.subresource();
    if (sub != null && !(sub.equals("status") && r.hasStatus())) {
      throw ApiException.noSuchResource();
    }
  }

  private static void checkImmutable(ApiResource r, JsonNode current, JsonNode next) {
    if (!r.kind().equals("StatefulSet")) {
      return;
    }
    for (String field :
        new String[] {"selector", "serviceName", "volumeClaimTemplates", "podManagementPolicy"}) {
      JsonNode before = current.path("spec").path(field);
      JsonNode after = next.path("spec").path(field);
      if (!before.isMissingNode() && !Objects.equals(before, after)) {
        throw ApiException.invalid(
            r,
            Json.text(current, "metadata", "name"),
            "spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', "
                + "'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' "
                + "are forbidden (spec."
                + field
                + ")");
      }
    }
  }

  private String generateName(ApiResource r, String ns, String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      throw new ApiException(
          422,
          "Invalid",
          r.kind()
              + " is invalid: metadata.name: Required value: name or generateName is required");
    }
    for (int attempt = 0; ; attempt++) {
      StringBuilder sb = new StringBuilder(prefix);
      for (int i = 0; i < 5; i++) {
        sb.append(NAME_CHARS.charAt(RANDOM.nextInt(NAME_CHARS.length())));
      }
      String name = sb.toString();
      if (server.store().find(r, ns, name).isEmpty() || attempt > 20) {
        return name;
      }
    }
  }

  static String mediaType(String contentType) {
    if (contentType == null) {
      return JSON_PATCH;
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .trim()
        .toLowerCase(Locale.ROOT);
  }

  /** Adds the JSON content type to fabric8's responses and turns its 202 for PATCH into 200. */
  static MockResponse fix(MockResponse response) {
    if (response.code() == 202) {
      response.setResponseCode(200);
    }
    return response.setHeader("Content-Type", "application/json");
  }
}
