package io.srcn.sdk;

/**
 * The address under which the SDK registers each CN pod with the FE.
 *
 * <p>Thread-safe (an enum).
 */
public enum AddressMode {
  /**
   * The pod's stable DNS name {@code g-cn-i.g-cn-search.ns.svc.<clusterDomain>}: survives pod
   * restarts and rescheduling. The FE must run in FQDN mode. The default.
   */
  FQDN,
  /**
   * The pod IP, for an FE that resolves names to IPs (as in the StarRocks CN guide). A pod that is
   * rescheduled gets a new IP, so the SDK keeps a ledger of the addresses it registered.
   */
  POD_IP
}
