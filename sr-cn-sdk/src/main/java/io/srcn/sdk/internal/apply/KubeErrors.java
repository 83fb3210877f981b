package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusDetails;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.srcn.sdk.KubernetesOperationException;
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
        return invalid(e.getStatus());
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

  private static String invalid(Status status) {
    StatusDetails details = status == null ? null : status.getDetails();
    List<StatusCause> causes = details == null ? List.of() : details.getCauses();
    if (causes == null || causes.isEmpty()) {
      return "the API server rejected the object"
          + (status != null && status.getMessage() != null ? ": " + status.getMessage() : "");
    }
    return "the API server rejected "
        + causes.stream()
            .map(c -> "field " + c.getField() + " (" + c.getMessage() + ")")
            .collect(Collectors.joining("; "));
  }
}
