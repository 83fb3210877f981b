package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed request to the mock API server: what it targets (group, version, plural, namespace,
 * name, subresource), its query parameters and body.
 *
 * <p>Immutable and thread-safe.
 */
public final class ApiRequest {
  /** What the path addresses. */
  public enum Target {
    /** {@code /}, {@code /api}, {@code /apis}, {@code /apis/g}, group/version resource lists. */
    DISCOVERY,
    /** A resource collection, object or subresource. */
    RESOURCE,
    /** {@code /version}, health and OpenAPI endpoints, or anything unknown. */
    OTHER
  }

  private final HttpMethod method;
  private final String path;
  private final Map<String, String> query;
  private final Target target;
  private final String group;
  private final String version;
  private final String plural;
  private final String namespace;
  private final String name;
  private final String subresource;
  private final String contentType;
  private final String userAgent;
  private final String accept;
  private final String body;
  private final boolean internal;
  private final boolean legacyWatch;
  private ApiException bodyError; // set once by of(), before the request is shared

  private ApiRequest(
      HttpMethod method, String rawPath, String[] headers, String body, boolean internal) {
    this.method = method;
    int q = rawPath.indexOf('?');
    this.path = q < 0 ? rawPath : rawPath.substring(0, q);
    this.query = q < 0 ? Map.of() : parseQuery(rawPath.substring(q + 1));
    this.contentType = headers[0];
    this.userAgent = headers[1];
    this.accept = headers[2];
    this.body = body == null ? "" : body;
    this.internal = internal;
    String[] seg =
        Arrays.stream(path.split("/"))
            .filter(s -> !s.isEmpty())
            .map(ApiRequest::decode)
            .toArray(String[]::new);
    this.legacyWatch = isLegacyWatchPath(seg);
    if (legacyWatch) {
      seg = withoutWatchSegment(seg);
    }
    String[] parsed = parsePath(seg);
    this.target = parsed == null ? Target.OTHER : Target.valueOf(parsed[0]);
    this.group = parsed == null ? null : parsed[1];
    this.version = parsed == null ? null : parsed[2];
    this.namespace = parsed == null ? null : parsed[3];
    this.plural = parsed == null ? null : parsed[4];
    this.name = parsed == null ? null : parsed[5];
    this.subresource = parsed == null ? null : parsed[6];
  }

  /** Parses a request that arrived over HTTP. */
  public static ApiRequest of(RecordedRequest request, boolean internal) {
    String[] headers = {
      request.getHeader("Content-Type"),
      request.getHeader("User-Agent"),
      request.getHeader("Accept")
    };
    String body;
    ApiException bodyError = null;
    if (Protobuf.is(headers[0]) && request.getBody() != null) {
      try {
        body = Protobuf.toJson(request.getBody().getBytes());
        headers[0] = "application/json";
      } catch (ApiException e) {
        body = "";
        bodyError = e;
      }
    } else {
      body = request.getBody() == null ? "" : request.getBody().readUtf8();
    }
    ApiRequest req = new ApiRequest(request.method(), request.getPath(), headers, body, internal);
    req.bodyError = bodyError;
    return req;
  }

  /** Why the body could not be decoded (a protobuf body this mock does not model), or null. */
  ApiException bodyError() {
    return bodyError;
  }

  /** Builds an in-process request (simulators, garbage collector). */
  public static ApiRequest internal(
      HttpMethod method, String path, String contentType, String body) {
    return new ApiRequest(
        method, path, new String[] {contentType, InternalClient.USER_AGENT, null}, body, true);
  }

  /**
   * This request addressed to another version of its resource (the one that stores its objects),
   * with the given method, content type, body and query (the headers that are not named stay).
   */
  ApiRequest retarget(
      ApiResource to,
      HttpMethod newMethod,
      String newContentType,
      String newBody,
      Map<String, String> newQuery) {
    String p =
        name == null
            ? Paths.collection(to, namespace)
            : Paths.object(to, namespace, name) + (subresource == null ? "" : "/" + subresource);
    StringBuilder raw = new StringBuilder(p);
    char sep = '?';
    for (Map.Entry<String, String> e : newQuery.entrySet()) {
      if (e.getValue() == null) {
        continue;
      }
      raw.append(sep)
          .append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
      sep = '&';
    }
    if (legacyWatch && !newQuery.containsKey("watch")) {
      raw.append(sep).append("watch=true");
    }
    return new ApiRequest(
        newMethod,
        raw.toString(),
        new String[] {newContentType, userAgent, accept},
        newBody,
        internal);
  }

  /**
   * Whether the path is a legacy watch path ({@code /api/v1/watch/...}, {@code
   * /apis/g/v/watch/...}), still served by v1.32 (the WATCH and WATCHLIST actions registered in
   * k8s.io/apiserver pkg/endpoints/installer.go under the "watch/" prefix).
   */
  private static boolean isLegacyWatchPath(String[] seg) {
    int at = seg.length > 0 && seg[0].equals("api") ? 2 : 3;
    return seg.length > at
        && (seg[0].equals("api") || seg[0].equals("apis"))
        && seg[at].equals("watch");
  }

  private static String[] withoutWatchSegment(String[] seg) {
    int at = seg[0].equals("api") ? 2 : 3;
    String[] out = new String[seg.length - 1];
    System.arraycopy(seg, 0, out, 0, at);
    System.arraycopy(seg, at + 1, out, at, seg.length - at - 1);
    return out;
  }

  // [target, group, version, namespace, plural, name, subresource]
  private static String[] parsePath(String[] seg) {
    if (seg.length == 0) {
      return new String[] {"DISCOVERY", null, null, null, null, null, null};
    }
    int rest;
    String group;
    String version;
    if (seg[0].equals("api")) {
      group = "";
      if (seg.length == 1) {
        return new String[] {"DISCOVERY", "", null, null, null, null, null};
      }
      version = seg[1];
      rest = 2;
    } else if (seg[0].equals("apis")) {
      if (seg.length <= 2) {
        return new String[] {
          "DISCOVERY", seg.length == 2 ? seg[1] : null, null, null, null, null, null
        };
      }
      group = seg[1];
      version = seg[2];
      rest = 3;
    } else {
      return null;
    }
    String[] r = Arrays.copyOfRange(seg, rest, seg.length);
    if (r.length == 0) {
      return new String[] {"DISCOVERY", group, version, null, null, null, null};
    }
    String ns = null;
    if (r[0].equals("namespaces")
        && r.length >= 3
        && !(r.length == 3 && isNamespaceSubresource(r[2]))) {
      ns = r[1];
      r = Arrays.copyOfRange(r, 2, r.length);
    }
    if (r.length > 3) {
      return null;
    }
    return new String[] {
      "RESOURCE", group, version, ns, r[0], r.length > 1 ? r[1] : null, r.length > 2 ? r[2] : null
    };
  }

  private static boolean isNamespaceSubresource(String s) {
    return s.equals("status") || s.equals("finalize");
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = decode(eq < 0 ? pair : pair.substring(0, eq));
      String v = eq < 0 ? "" : decode(pair.substring(eq + 1));
      out.putIfAbsent(k, v);
    }
    return Collections.unmodifiableMap(out);
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  /** The Kubernetes verb (get, list, watch, create, update, patch, delete, deletecollection). */
  public String verb() {
    switch (method) {
      case GET:
        if (isWatch()) {
          return "watch";
        }
        return name == null ? "list" : "get";
      case POST:
        return "create";
      case PUT:
        return "update";
      case PATCH:
        return "patch";
      case DELETE:
        return name == null ? "deletecollection" : "delete";
      default:
        return method.name().toLowerCase(Locale.ROOT);
    }
  }

  /** Whether this is a watch request ({@code ?watch=} or a legacy {@code /watch/} path). */
  public boolean isWatch() {
    return method == HttpMethod.GET && (legacyWatch || isTrue(query.get("watch")));
  }

  /**
   * A boolean query parameter as the API server reads it: absent, "0" and "false" (any case) are
   * false, anything else, even the empty string, is true (Convert_Slice_string_To_bool in
   * k8s.io/apimachinery pkg/runtime/conversion.go). The Python client sends {@code watch=True}.
   */
  public static boolean isTrue(String value) {
    return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
  }

  /** Whether a boolean query parameter is true (see {@link #isTrue(String)}). */
  public boolean flag(String key) {
    return isTrue(query.get(key));
  }

  /** Whether {@code dryRun=All} was given. */
  public boolean isDryRun() {
    return "All".equals(query.get("dryRun"));
  }

  /** A query parameter. */
  public Optional<String> param(String key) {
    return Optional.ofNullable(query.get(key));
  }

  /** The collection path of this request's resource (no name, no query). */
  public String collectionPath() {
    return Paths.collection(group, version, namespace, plural);
  }

  /** The object path (no subresource, no query). */
  public String objectPath() {
    return Paths.object(group, version, namespace, plural, name);
  }

  /** The object path with the subresource (no query). */
  public String objectPathWithSubresource() {
    return subresource == null ? objectPath() : objectPath() + "/" + subresource;
  }

  public HttpMethod method() {
    return method;
  }

  public String path() {
    return path;
  }

  public Map<String, String> query() {
    return query;
  }

  public Target target() {
    return target;
  }

  public String group() {
    return group;
  }

  public String version() {
    return version;
  }

  public String plural() {
    return plural;
  }

  public String namespace() {
    return namespace;
  }

  public String name() {
    return name;
  }

  public String subresource() {
    return subresource;
  }

  public String contentType() {
    return contentType;
  }

  public String userAgent() {
    return userAgent;
  }

  public String accept() {
    return accept;
  }

  public String body() {
    return body;
  }

  public boolean internal() {
    return internal;
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
