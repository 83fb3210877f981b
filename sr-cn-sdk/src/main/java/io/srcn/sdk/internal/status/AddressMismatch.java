package io.srcn.sdk.internal.status;

/**
 * A serving pod the FE lists under another address than the one the SDK registered: typically the
 * SDK added the pod's DNS name and an FE that does not run in FQDN mode stored the IP it resolved.
 *
 * <p>Immutable and thread-safe.
 *
 * @param pod the pod name
 * @param registered the address the SDK registered, {@code host:port}
 * @param listed the address the FE lists for that pod, {@code host:port}
 */
public record AddressMismatch(String pod, String registered, String listed) {
  @Override
  public String toString() {
    return pod + " as " + listed + " instead of " + registered;
  }
}
