package io.srcn.sdk;

/**
 * The controller could not start working: its informers (StatefulSets, Pods, HPAs) did not list
 * within a minute. Usually RBAC (list/watch missing) or an unreachable API server; the cause says
 * which.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class ControllerStartException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with the informers' failure as the cause. */
  public ControllerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
