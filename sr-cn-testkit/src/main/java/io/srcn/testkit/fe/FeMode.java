package io.srcn.testkit.fe;

/**
 * How the FE stores compute node hosts.
 *
 * <p>Immutable and thread-safe.
 */
public enum FeMode {
  /**
   * FQDN mode: hosts are stored as given, names are never resolved. The mode the SDK uses by
   * default (stable pod DNS names).
   */
  FQDN,
  /**
   * IP mode (the FE's default without {@code --host_type FQDN}): {@code ADD COMPUTE NODE} resolves
   * a host name through the configured resolver and stores the IP; {@code DROP} does not resolve,
   * so it must name the IP shown by {@code SHOW COMPUTE NODES}.
   */
  IP
}
