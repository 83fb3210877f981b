package io.srcn.testkit.k8s.internal;

import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An API error that becomes a Kubernetes {@code Status} response with the given code, reason and
 * message.
 *
 * <p>Immutable.
 */
public final class ApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final String reason;
  private final transient ObjectNode details; // null when the Status has none

  /**
   * One entry of {@code details.causes}.
   *
   * @param reason e.g. {@code FieldValueForbidden}, {@code FieldValueInvalid}
   * @param field the field path, or null
   * @param message the cause's message
   */
  public record Cause(String reason, String field, String message) {}

  /** An error with an explicit code and reason. */
  public ApiException(int code, String reason, String message) {
    this(code, reason, message, null);
  }

  private ApiException(int code, String reason, String message, ObjectNode details) {
    super(message);
    this.code = code;
    this.reason = reason;
    this.details = details;
  }

  private static ObjectNode details(String name, String group, String kind, List<Cause> causes) {
    ObjectNode d = Json.object();
    if (name != null) {
      d.put("name", name);
    }
    if (group != null && !group.isEmpty()) {
      d.put("group", group);
    }
    d.put("kind", kind);
    if (!causes.isEmpty()) {
      ArrayNode list = d.putArray("causes");
      for (Cause c : causes) {
        ObjectNode o = list.addObject();
        o.put("reason", c.reason());
        o.put("message", c.message());
        if (c.field() != null) {
          o.put("field", c.field());
        }
      }
    }
    return d;
  }

  /**
   * 422 Invalid naming each field, as NewInvalid in k8s.io/apimachinery/pkg/api/errors/errors.go
   * builds it: message {@code Kind[.group] "name" is invalid: [field: Reason: detail, ...]}.
   */
  public static ApiException invalid(ApiResource r, String name, List<Cause> causes) {
    String qualifiedKind = r.group().isEmpty() ? r.kind() : r.kind() + "." + r.group();
    StringBuilder all = new StringBuilder();
    for (Cause c : causes) {
      all.append(all.length() == 0 ? "" : ", ")
          .append(c.field() == null ? "" : c.field() + ": ")
          .append(c.message());
    }
    String body = causes.size() == 1 ? all.toString() : "[" + all + "]";
    return new ApiException(
        422,
        "Invalid",
        qualifiedKind + " \"" + name + "\" is invalid: " + body,
        details(name, r.group(), r.kind(), causes));
  }

  /**
   * 422 for a JSON patch that cannot be applied, as patch.go answers it (NewGenericServerResponse
   * with the patch library's error as an UnexpectedServerResponse cause).
   */
  public static ApiException patchNotApplicable(String why) {
    return new ApiException(
        422,
        "Invalid",
        "the server rejected our request due to an error in our request",
        details(null, null, "", List.of(new Cause("UnexpectedServerResponse", null, why))));
  }

  /** The Status {@code details}, or null. */
  public ObjectNode details() {
    return details;
  }

  /** 400 BadRequest. */
  public static ApiException badRequest(String message) {
    return new ApiException(400, "BadRequest", message);
  }

  /** 404 NotFound for an object. */
  public static ApiException notFound(ApiResource r, String name) {
    return new ApiException(404, "NotFound", r.qualifiedPlural() + " \"" + name + "\" not found");
  }

  /** 404 NotFound for a path the server does not serve. */
  public static ApiException noSuchResource() {
    return new ApiException(404, "NotFound", "the server could not find the requested resource");
  }

  /** 409 AlreadyExists. */
  public static ApiException alreadyExists(ApiResource r, String name) {
    return new ApiException(
        409, "AlreadyExists", r.qualifiedPlural() + " \"" + name + "\" already exists");
  }

  /** 409 Conflict (stale resourceVersion or failed precondition). */
  public static ApiException conflict(ApiResource r, String name, String why) {
    return new ApiException(
        409,
        "Conflict",
        "Operation cannot be fulfilled on " + r.qualifiedPlural() + " \"" + name + "\": " + why,
        details(name, r.group(), r.plural(), List.of()));
  }

  /**
   * 409 Conflict for an update carrying a resourceVersion that is no longer current, with the
   * message of OptimisticLockErrorMsg in k8s.io/apiserver/pkg/registry/generic/registry/store.go.
   */
  public static ApiException staleResourceVersion(ApiResource r, String name) {
    return conflict(
        r,
        name,
        "the object has been modified; please apply your changes to the latest version and try"
            + " again");
  }

  /** 415 UnsupportedMediaType. */
  public static ApiException unsupportedMediaType(String message) {
    return new ApiException(415, "UnsupportedMediaType", message);
  }

  /** 422 Invalid. */
  public static ApiException invalid(ApiResource r, String name, String message) {
    return new ApiException(422, "Invalid", r.kind() + " \"" + name + "\" is invalid: " + message);
  }

  /** The HTTP code. */
  public int code() {
    return code;
  }

  /** The machine-readable reason. */
  public String reason() {
    return reason;
  }
}
