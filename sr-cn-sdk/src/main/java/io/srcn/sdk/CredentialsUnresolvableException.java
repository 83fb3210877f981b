package io.srcn.sdk;

import java.util.Optional;

/**
 * FE credentials given as a Secret reference could not be turned into a user and password: no
 * namespace to read the Secret from, no resolver that reads Secrets, the Secret or one of its keys
 * is missing, empty or not base64. Carries the Secret's coordinates, never a value.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class CredentialsUnresolvableException extends CnSdkException {
  private static final long serialVersionUID = 1L;

  private final String namespace;
  private final String secret;
  private final String key;

  /**
   * Creates an exception.
   *
   * @param message what is wrong and what to do about it
   * @param namespace the namespace the Secret was looked up in, or null when none was given
   * @param secret the Secret's name
   * @param key the key that is missing or unusable, or null when the Secret itself is the problem
   */
  public CredentialsUnresolvableException(
      String message, String namespace, String secret, String key) {
    super(message);
    this.namespace = namespace;
    this.secret = secret;
    this.key = key;
  }

  /** The namespace the Secret was looked up in, when one was given. */
  public Optional<String> namespace() {
    return Optional.ofNullable(namespace).filter(n -> !n.isEmpty());
  }

  /** The Secret's name. */
  public String secret() {
    return secret;
  }

  /** The key that is missing or unusable, when the Secret exists. */
  public Optional<String> key() {
    return Optional.ofNullable(key);
  }
}
