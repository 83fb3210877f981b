package io.srcn.testkit.k8s.internal;

import io.fabric8.mockwebserver.http.MockResponse;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds HTTP responses with JSON bodies and Kubernetes {@code Status} errors.
 *
 * <p>Stateless and thread-safe.
 */
public final class Responses {
  private Responses() {}

  /** A JSON response. */
  public static MockResponse json(int code, String body) {
    return new MockResponse()
        .setResponseCode(code)
        .setHeader("Content-Type", "application/json")
        .setBody(body);
  }

  /** A JSON response from a tree. */
  public static MockResponse json(int code, JsonNode body) {
    return json(code, Json.write(body));
  }

  /** A {@code Status} failure. */
  public static MockResponse status(int code, String reason, String message) {
    return json(code, statusBody(code, reason, message));
  }

  /** A {@code Status} failure from an exception. */
  public static MockResponse status(ApiException e) {
    ObjectNode body = statusBody(e.code(), e.reason(), e.getMessage());
    if (e.details() != null) {
      body.set("details", e.details());
    }
    return json(e.code(), body);
  }

  /** The body of a {@code Status} failure. */
  public static ObjectNode statusBody(int code, String reason, String message) {
    ObjectNode s = Json.object();
    s.put("kind", "Status");
    s.put("apiVersion", "v1");
    s.putObject("metadata");
    s.put("status", "Failure");
    s.put("message", message);
    s.put("reason", reason);
    s.put("code", code);
    return s;
  }

  /** A standard reason for a code, for injected faults. */
  public static String reasonFor(int code) {
    switch (code) {
      case 400:
        return "BadRequest";
      case 401:
        return "Unauthorized";
      case 403:
        return "Forbidden";
      case 404:
        return "NotFound";
      case 405:
        return "MethodNotAllowed";
      case 409:
        return "Conflict";
      case 410:
        return "Expired";
      case 415:
        return "UnsupportedMediaType";
      case 422:
        return "Invalid";
      case 429:
        return "TooManyRequests";
      case 503:
        return "ServiceUnavailable";
      case 504:
        return "Timeout";
      default:
        return code >= 500 ? "InternalError" : "Unknown";
    }
  }
}
