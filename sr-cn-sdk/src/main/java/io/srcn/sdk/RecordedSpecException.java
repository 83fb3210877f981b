package io.srcn.sdk;

/**
 * A group's StatefulSet carries no spec the SDK can read from its {@code srcn.io/spec} annotation:
 * it was not deployed by sr-cn-sdk, or the annotation was edited or written by an incompatible
 * version. Thrown when re-attaching to a group; a controller reports it and skips the group.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class RecordedSpecException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String namespace;
  private final String statefulSet;

  /** Creates an exception about the StatefulSet {@code namespace/statefulSet}. */
  public RecordedSpecException(
      String message, String namespace, String statefulSet, Throwable cause) {
    super(message, cause);
    this.namespace = namespace;
    this.statefulSet = statefulSet;
  }

  /** The StatefulSet's namespace. */
  public String namespace() {
    return namespace;
  }

  /** The StatefulSet's name. */
  public String statefulSet() {
    return statefulSet;
  }
}
