package io.srcn.sdk;

import java.util.Optional;

/**
 * A Kubernetes API call failed. Carries the operation, the resource (kind, namespace, name), the
 * HTTP code (0 when there was no HTTP response) and a hint on how to fix it, e.g. which verb on
 * which resource the Role lacks for a 403.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class KubernetesOperationException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String kind;
  private final String namespace;
  private final String name;
  private final int code;
  private final String hint;

  /** Creates an exception for a failed operation on one resource. */
  public KubernetesOperationException(
      String operation,
      String kind,
      String namespace,
      String name,
      int code,
      String hint,
      Throwable cause) {
    super(format(operation, kind, namespace, name, code, hint, cause), cause);
    this.operation = operation;
    this.kind = kind;
    this.namespace = namespace;
    this.name = name;
    this.code = code;
    this.hint = hint;
  }

  /** The operation that failed, e.g. {@code apply} or {@code delete}. */
  public String operation() {
    return operation;
  }

  /** The kind of the resource, e.g. {@code StatefulSet}. */
  public String kind() {
    return kind;
  }

  /** The namespace of the resource. */
  public String namespace() {
    return namespace;
  }

  /** The name of the resource. */
  public String name() {
    return name;
  }

  /** The HTTP status code, or 0 when no response was received. */
  public int code() {
    return code;
  }

  /** How to fix it, when known. */
  public Optional<String> hint() {
    return Optional.ofNullable(hint);
  }

  private static String format(
      String operation,
      String kind,
      String namespace,
      String name,
      int code,
      String hint,
      Throwable cause) {
    StringBuilder sb = new StringBuilder();
    sb.append(operation).append(' ').append(kind).append(' ').append(namespace).append('/');
    sb.append(name).append(" failed");
    if (code > 0) {
      sb.append(" (HTTP ").append(code).append(')');
    }
    if (cause != null && cause.getMessage() != null) {
      sb.append(": ").append(firstLine(cause.getMessage()));
    }
    if (hint != null) {
      sb.append(". Hint: ").append(hint);
    }
    return sb.toString();
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
