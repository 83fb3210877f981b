package io.srcn.sdk;

import java.time.Duration;
import java.util.List;

/**
 * A handle method changed the group in Kubernetes, but the FE work that goes with the change could
 * not be done because the FE could not be asked (unreachable, or refusing the login) within the
 * method's bound of about {@link Frontend#connectTimeout()}. The Kubernetes change stands (the spec
 * is recorded, the StatefulSet and HPA carry it): calling the method again is not needed. The FE
 * work is left to whoever drives the group next under the same rules: the embedded {@link
 * ComputeNodeController}, or the next {@link ComputeNodeGroup#reconcile()} or {@link
 * ComputeNodeGroup#awaitReady(Duration)} once the FE answers. Nodes of pods that are gone stay
 * registered until then (the FE reports them not alive); no node is dropped while its pod may still
 * serve.
 *
 * <p>{@link #toRegister()} and {@link #toDrop()} say what is left, as far as this session knows:
 * the group's Ready pods that the last FE listing the session took does not show (all Ready pods
 * when it never listed the FE), and the nodes of the group that listing showed and the rules would
 * drop now. The cause is the FE error.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class RegistrationPendingException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String group;
  private final List<String> toRegister;
  private final List<String> toDrop;

  /**
   * Creates an exception for group {@code namespace/name} with what is left ({@code host:port} of
   * each node).
   */
  public RegistrationPendingException(
      String group, List<String> toRegister, List<String> toDrop, Throwable cause) {
    super(message(group, toRegister, toDrop, cause), cause);
    this.group = group;
    this.toRegister = List.copyOf(toRegister);
    this.toDrop = List.copyOf(toDrop);
  }

  private static String message(
      String group, List<String> toRegister, List<String> toDrop, Throwable cause) {
    return "group "
        + group
        + ": the Kubernetes change is applied, but the FE could not be asked ("
        + (cause == null ? "no cause" : cause.getMessage())
        + "); left to register: "
        + (toRegister.isEmpty() ? "none known" : String.join(", ", toRegister))
        + "; left to drop: "
        + (toDrop.isEmpty() ? "none known" : String.join(", ", toDrop))
        + ". The embedded controller, or reconcile()/awaitReady() once the FE answers, finishes"
        + " the FE work; the change need not be repeated";
  }

  /** The group ({@code namespace/name}). */
  public String group() {
    return group;
  }

  /**
   * The nodes ({@code host:port}) of Ready pods whose registration this call could not confirm or
   * do.
   */
  public List<String> toRegister() {
    return toRegister;
  }

  /**
   * The nodes ({@code host:port}) of the group that the last FE listing of the session showed and
   * that are to be dropped (their pods are gone at or beyond the replicas); empty when the session
   * never listed the FE.
   */
  public List<String> toDrop() {
    return toDrop;
  }
}
