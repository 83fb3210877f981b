package io.srcn.sdk;

/**
 * There is no CN group of that name: no StatefulSet {@code g-cn} in the namespace. Thrown by {@link
 * ComputeNodeGroups#get}.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class GroupNotFoundException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String namespace;
  private final String group;

  /** Creates an exception for a missing group. */
  public GroupNotFoundException(String namespace, String group) {
    super("no CN group " + namespace + "/" + group + " (no StatefulSet " + group + "-cn)");
    this.namespace = namespace;
    this.group = group;
  }

  /** The namespace looked in. */
  public String namespace() {
    return namespace;
  }

  /** The group name looked for. */
  public String group() {
    return group;
  }
}
