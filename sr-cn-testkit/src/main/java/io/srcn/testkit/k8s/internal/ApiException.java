package io.srcn.testkit.k8s.internal;

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

  /** An error with an explicit code and reason. */
  public ApiException(int code, String reason, String message) {
    super(message);
    this.code = code;
    this.reason = reason;
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
        "Operation cannot be fulfilled on " + r.qualifiedPlural() + " \"" + name + "\": " + why);
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
