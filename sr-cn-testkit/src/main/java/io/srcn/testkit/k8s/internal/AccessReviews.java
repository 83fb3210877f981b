package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code authorization.k8s.io/v1} {@code selfsubjectaccessreviews}: create only, nothing stored, as
 * {@code pkg/registry/authorization/selfsubjectaccessreview/rest.go} serves it (a cluster-scoped
 * REST with only {@code Create}; the review comes back with {@code status} set, 201). The spec must
 * carry exactly one of {@code resourceAttributes} and {@code nonResourceAttributes} (422 otherwise,
 * with the field paths and texts of {@code ValidateSelfSubjectAccessReviewSpec} in {@code
 * pkg/apis/authorization/validation/validation.go}, v1.32). The mock's caller may do everything
 * ({@code status.allowed: true}) except the verb/group/resource triples given to {@link #deny},
 * which answer {@code allowed: false} and nothing else, as RBAC's "no opinion" does.
 *
 * <p>Thread-safe.
 */
public final class AccessReviews {
  /** The API group of the reviews. */
  static final String GROUP = "authorization.k8s.io";

  private static final String PLURAL = "selfsubjectaccessreviews";
  private static final ApiResource RESOURCE =
      new ApiResource(
          GROUP, "v1", PLURAL, "SelfSubjectAccessReview", false, false, false, List.of());

  private final Set<String> denied = ConcurrentHashMap.newKeySet();

  /** Whether the request addresses self subject access reviews (any verb). */
  boolean handles(ApiRequest req) {
    return req.target() == ApiRequest.Target.RESOURCE
        && GROUP.equals(req.group())
        && "v1".equals(req.version())
        && PLURAL.equals(req.plural());
  }

  /** Answers a request {@link #handles} accepted. */
  MockResponse serve(ApiRequest req) {
    if (req.method() != HttpMethod.POST || req.name() != null || req.namespace() != null) {
      throw new ApiException(
          405,
          "MethodNotAllowed",
          "the server does not allow this method on the requested resource");
    }
    JsonNode body = Json.parse(req.body());
    if (!body.isObject()) {
      throw ApiException.badRequest("the request body must be a JSON object");
    }
    ObjectNode review = (ObjectNode) body.deepCopy();
    JsonNode spec = review.path("spec");
    JsonNode resource = spec.path("resourceAttributes");
    boolean hasResource = resource.isObject();
    boolean hasNonResource = spec.path("nonResourceAttributes").isObject();
    if (hasResource && hasNonResource) {
      throw invalid(
          "spec.nonResourceAttributes",
          "Invalid value: "
              + Json.write(spec.path("nonResourceAttributes"))
              + ": cannot be specified in combination with resourceAttributes");
    }
    if (!hasResource && !hasNonResource) {
      throw invalid(
          "spec.resourceAttributes",
          "Invalid value: \"null\": exactly one of nonResourceAttributes or resourceAttributes must"
              + " be specified");
    }
    review.put("apiVersion", GROUP + "/v1");
    review.put("kind", "SelfSubjectAccessReview");
    Json.metadata(review).putNull("creationTimestamp");
    boolean allowed = !hasResource || allowed(resource);
    review.putObject("status").put("allowed", allowed);
    return Responses.json(201, review);
  }

  private boolean allowed(JsonNode attributes) {
    String verb = text(attributes, "verb");
    String group = text(attributes, "group");
    String resource = text(attributes, "resource");
    String sub = text(attributes, "subresource");
    String full = sub.isEmpty() ? resource : resource + "/" + sub;
    return !denied.contains(key(verb, group, full))
        && !denied.contains(key("*", group, full))
        && !denied.contains(key(verb, group, "*"));
  }

  private static String text(JsonNode node, String field) {
    String v = Json.text(node, field);
    return v == null ? "" : v;
  }

  private static ApiException invalid(String field, String message) {
    return ApiException.invalid(
        RESOURCE, "", List.of(new ApiException.Cause("FieldValueInvalid", field, message)));
  }

  private static String key(String verb, String group, String resource) {
    return verb.toLowerCase(Locale.ROOT) + " " + group + " " + resource;
  }

  /**
   * From now on, reviews of {@code verb} on {@code group}/{@code resource} answer not allowed.
   * {@code resource} may name a subresource ({@code statefulsets/scale}); {@code "*"} as the verb
   * or the resource matches any.
   */
  public void deny(String verb, String group, String resource) {
    denied.add(key(verb, group, resource));
  }

  /** Allows everything again. */
  public void allowAll() {
    denied.clear();
  }
}
