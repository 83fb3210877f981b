package io.srcn.sdk;

/**
 * Root of every exception the SDK throws. Unchecked; subclasses carry the context of the failure
 * (the spec field, the Kubernetes resource, the FE statement). Messages never contain secrets.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class CnSdkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public CnSdkException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public CnSdkException(String message, Throwable cause) {
    super(message, cause);
  }
}
