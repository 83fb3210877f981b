package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.sdk.KubernetesOperationException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Runs one Kubernetes call and turns a fabric8 failure into a {@link KubernetesOperationException}
 * that names the object, the HTTP code and a hint: for 403 the verb and resource the Role lacks,
 * for 422 the rejected fields, for 409 the conflict.
 *
 * <p>Stateless and thread-safe.
 */
public final class KubeErrors {
  private static final String INVALID_MARKER = " is invalid: ";

  private KubeErrors() {}

  /**
   * Runs {@code body}, the {@code operation} (e.g. {@code apply}) on {@code ref}, which needs the
   * RBAC {@code verbs}.
   *
   * @throws KubernetesOperationException when the call fails
   */
  public static <T> T call(
      String operation, ResourceRef ref, List<String> verbs, Supplier<T> body) {
    try {
      return body.get();
    } catch (KubernetesClientException e) {
      throw translate(operation, ref, verbs, e);
    }
  }

  /** The exception for a failed call. */
  public static KubernetesOperationException translate(
      String operation, ResourceRef ref, List<String> verbs, KubernetesClientException e) {
    int code = e.getCode();
    return new KubernetesOperationException(
        operation, ref.kind(), ref.namespace(), ref.name(), code, hint(ref, verbs, e), e);
  }

  static String hint(ResourceRef ref, List<String> verbs, KubernetesClientException e) {
    switch (e.getCode()) {
      case 0:
        return "no response from the Kubernetes API server; check the client's master URL,"
            + " network and TLS settings";
      case 401:
        return "the API server rejected the client's credentials (expired token?)";
      case 403:
        return forbidden(ref, verbs);
      case 404:
        return "the API server reports it missing; does namespace '"
            + ref.namespace()
            + "' exist, and does the cluster serve "
            + ref.qualifiedResource()
            + "?";
      case 409:
        return "conflict: another client changed "
            + ref.kind()
            + " "
            + ref.namespace()
            + "/"
            + ref.name()
            + " at the same time, or a field is owned by another field manager; apply again";
      case 422:
        return invalid(e.getStatus()) + immutableFieldAdvice(ref, e);
      default:
        return e.getCode() >= 500 ? "the API server failed; retry later" : null;
    }
  }

  private static String forbidden(ResourceRef ref, List<String> verbs) {
    String verbList = verbs.stream().map(v -> "'" + v + "'").collect(Collectors.joining(" and "));
    return "the SDK's Kubernetes identity may not "
        + verbList
        + " "
        + ref.resource()
        + " (API group '"
        + ref.apiGroup()
        + "') in namespace '"
        + ref.namespace()
        + "': add "
        + (verbs.size() == 1 ? "that verb" : "those verbs")
        + " to its Role (ComputeNodeGroups.requiredRole(namespace) lists every rule the SDK needs)";
  }

  /** Names the rejected fields: from the Status causes, else from the message's field list. */
  private static String invalid(Status status) {
    StatusDetails details = status == null ? null : status.getDetails();
    List<StatusCause> causes = details == null ? null : details.getCauses();
    if (causes != null && !causes.isEmpty()) {
      return "the API server rejected "
          + causes.stream()
              .map(c -> "field " + c.getField() + " (" + c.getMessage() + ")")
              .collect(Collectors.joining("; "));
    }
    String message = status == null ? null : status.getMessage();
    int at = message == null ? -1 : message.indexOf(INVALID_MARKER);
    if (at < 0) {
      return "the API server rejected the object" + (message == null ? "" : ": " + message);
    }
    String errors = message.substring(at + INVALID_MARKER.length()).trim();
    if (errors.startsWith("[") && errors.endsWith("]")) {
      errors = errors.substring(1, errors.length() - 1);
    }
    return "the API server rejected "
        + Arrays.stream(errors.split(", (?=[a-zA-Z.\\[\\]0-9]+: )"))
            .map(KubeErrors::fieldError)
            .collect(Collectors.joining("; "));
  }

  private static String fieldError(String error) {
    int colon = error.indexOf(": ");
    return colon < 0
        ? error
        : "field " + error.substring(0, colon) + " (" + error.substring(colon + 2) + ")";
  }

  private static String immutableFieldAdvice(ResourceRef ref, KubernetesClientException e) {
    String message = e.getStatus() == null ? null : e.getStatus().getMessage();
    if (!"StatefulSet".equals(ref.kind())
        || message == null
        || !message.contains("updates to statefulset spec")) {
      return "";
    }
    return ". Storage volumes (volumeClaimTemplates), serviceName and podManagementPolicy cannot"
        + " change on an existing StatefulSet: delete the group (its volume claims are kept) and"
        + " apply again";
  }
}
