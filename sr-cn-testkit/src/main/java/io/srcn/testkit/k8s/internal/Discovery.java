package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * API discovery ({@code /api}, {@code /apis}, {@code /apis/g}, per group-version resource lists)
 * for built-in resources and served versions of stored CustomResourceDefinitions, plus {@code
 * /version} and the health endpoints, in the legacy (non-aggregated) format kubectl and fabric8
 * both read.
 *
 * <p>Thread-safe; callers hold the store's shared lock for {@link #serve}.
 */
final class Discovery {
  private static final List<String> VERBS =
      List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");
  private static final List<String> SUB_VERBS = List.of("get", "patch", "update");

  private final ApiDispatcher server;

  Discovery(ApiDispatcher server) {
    this.server = server;
  }

  MockResponse serve(ApiRequest req) {
    if (req.path().equals("/") || req.path().isEmpty()) {
      return Responses.json(200, rootPaths());
    }
    if (req.group() == null) {
      return Responses.json(200, groupList());
    }
    if (req.group().isEmpty() && req.version() == null) {
      ObjectNode versions = Json.object();
      versions.put("kind", "APIVersions");
      versions.putArray("versions").add("v1");
      versions.putArray("serverAddressByClientCIDRs");
      return Responses.json(200, versions);
    }
    if (req.version() == null) {
      ObjectNode group = group(req.group(), versionsByGroup().get(req.group()));
      if (group == null) {
        throw ApiException.noSuchResource();
      }
      return Responses.json(200, group.put("kind", "APIGroup").put("apiVersion", "v1"));
    }
    List<ApiResource> resources = resourcesOf(req.group(), req.version());
    if (resources.isEmpty()) {
      throw ApiException.noSuchResource();
    }
    return Responses.json(200, resourceList(req.group(), req.version(), resources));
  }

  MockResponse serveOther(ApiRequest req) {
    switch (req.path()) {
      case "/version":
        ObjectNode v = Json.object();
        v.put("major", "1").put("minor", "32").put("gitVersion", "v1.32.0-srcn-mock");
        v.put("gitCommit", "srcn-mock")
            .put("gitTreeState", "clean")
            .put("buildDate", "2025-01-01T00:00:00Z");
        v.put("goVersion", "go1.23").put("compiler", "gc").put("platform", "linux/amd64");
        return Responses.json(200, v);
      case "/healthz":
      case "/livez":
      case "/readyz":
        return new MockResponse()
            .setResponseCode(200)
            .setHeader("Content-Type", "text/plain")
            .setBody("ok");
      default:
        if (req.path().startsWith("/openapi/v3")) {
          return server.read(() -> openApi(req.path().substring("/openapi/v3".length())));
        }
        throw ApiException.noSuchResource();
    }
  }

  private MockResponse openApi(String rest) {
    if (rest.isEmpty() || rest.equals("/")) {
      return Responses.json(200, OpenApiV3.root(versionsByGroup()));
    }
    String gv =
        rest.startsWith("/api/")
            ? rest.substring("/api/".length())
            : rest.startsWith("/apis/") ? rest.substring("/apis/".length()) : null;
    if (gv == null) {
      throw ApiException.noSuchResource();
    }
    int slash = gv.indexOf('/');
    String group = rest.startsWith("/api/") ? "" : slash < 0 ? gv : gv.substring(0, slash);
    String version = rest.startsWith("/api/") ? gv : slash < 0 ? "" : gv.substring(slash + 1);
    List<ApiResource> resources = resourcesOf(group, version);
    if (resources.isEmpty()) {
      throw ApiException.noSuchResource();
    }
    return Responses.json(200, OpenApiV3.groupVersion(group, version, resources));
  }

  /** A custom resource defined by a stored CRD with that served version (callers hold the lock). */
  Optional<ApiResource> customResource(String group, String version, String plural) {
    return customResources().stream()
        .filter(
            r ->
                r.group().equals(group) && r.version().equals(version) && r.plural().equals(plural))
        .findFirst();
  }

  private List<ApiResource> customResources() {
    ApiResource crds =
        server
            .resources()
            .find("apiextensions.k8s.io", "v1", "customresourcedefinitions")
            .orElseThrow();
    List<ApiResource> out = new ArrayList<>();
    for (StoredObject o : server.store().list(crds, null)) {
      JsonNode spec = o.tree().path("spec");
      JsonNode names = spec.path("names");
      List<String> shortNames = new ArrayList<>();
      names.path("shortNames").forEach(s -> shortNames.add(s.asString()));
      for (JsonNode v : spec.path("versions")) {
        if (v.path("served").asBoolean(true)) {
          out.add(
              new ApiResource(
                  Json.text(spec, "group"),
                  Json.text(v, "name"),
                  Json.text(names, "plural"),
                  Json.text(names, "kind"),
                  !"Cluster".equals(Json.text(spec, "scope")),
                  v.path("subresources").has("status"),
                  v.path("subresources").has("scale"),
                  List.copyOf(shortNames)));
        }
      }
    }
    return out;
  }

  private List<ApiResource> all() {
    List<ApiResource> all = new ArrayList<>(server.resources().all());
    all.addAll(customResources());
    return all;
  }

  private Map<String, List<String>> versionsByGroup() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (ApiResource r : all()) {
      List<String> versions = out.computeIfAbsent(r.group(), g -> new ArrayList<>());
      if (!versions.contains(r.version())) {
        versions.add(r.version());
      }
    }
    return out;
  }

  private List<ApiResource> resourcesOf(String group, String version) {
    return all().stream()
        .filter(r -> r.group().equals(group) && r.version().equals(version))
        .toList();
  }

  private ObjectNode rootPaths() {
    ArrayNode paths = Json.array();
    paths.add("/api").add("/api/v1").add("/apis");
    versionsByGroup()
        .forEach(
            (g, versions) -> {
              if (!g.isEmpty()) {
                paths.add("/apis/" + g);
                versions.forEach(v -> paths.add(Paths.groupVersion(g, v)));
              }
            });
    paths.add("/healthz").add("/livez").add("/readyz").add("/version");
    ObjectNode root = Json.object();
    root.set("paths", paths);
    return root;
  }

  private ObjectNode groupList() {
    ObjectNode list = Json.object();
    list.put("kind", "APIGroupList");
    list.put("apiVersion", "v1");
    ArrayNode groups = list.putArray("groups");
    versionsByGroup()
        .forEach(
            (g, versions) -> {
              if (!g.isEmpty()) {
                groups.add(group(g, versions));
              }
            });
    return list;
  }

  private static ObjectNode group(String name, List<String> versions) {
    if (versions == null || versions.isEmpty()) {
      return null;
    }
    ObjectNode group = Json.object();
    group.put("name", name);
    ArrayNode vs = group.putArray("versions");
    for (String v : versions) {
      vs.addObject().put("groupVersion", name + "/" + v).put("version", v);
    }
    group
        .putObject("preferredVersion")
        .put("groupVersion", name + "/" + versions.get(0))
        .put("version", versions.get(0));
    return group;
  }

  private static ObjectNode resourceList(
      String group, String version, List<ApiResource> resources) {
    ObjectNode list = Json.object();
    list.put("kind", "APIResourceList");
    list.put("apiVersion", "v1");
    list.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
    ArrayNode items = list.putArray("resources");
    for (ApiResource r : resources) {
      ObjectNode main = items.addObject();
      main.put("name", r.plural()).put("singularName", r.kind().toLowerCase(Locale.ROOT));
      main.put("namespaced", r.namespaced()).put("kind", r.kind());
      VERBS.forEach(main.putArray("verbs")::add);
      if (!r.shortNames().isEmpty()) {
        r.shortNames().forEach(main.putArray("shortNames")::add);
      }
      if (r.hasStatus()) {
        ObjectNode s =
            items.addObject().put("name", r.plural() + "/status").put("singularName", "");
        s.put("namespaced", r.namespaced()).put("kind", r.kind());
        SUB_VERBS.forEach(s.putArray("verbs")::add);
      }
      if (r.hasScale()) {
        ObjectNode s = items.addObject().put("name", r.plural() + "/scale").put("singularName", "");
        s.put("namespaced", r.namespaced())
            .put("group", "autoscaling")
            .put("version", "v1")
            .put("kind", "Scale");
        SUB_VERBS.forEach(s.putArray("verbs")::add);
      }
    }
    return list;
  }
}
