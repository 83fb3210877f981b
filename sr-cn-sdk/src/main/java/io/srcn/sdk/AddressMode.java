package io.srcn.sdk;

/**
 * The address under which the SDK registers each CN pod with the FE.
 *
 * <p>Thread-safe (an enum).
 */
public enum AddressMode {
  /**
   * The default: the SDK learns how the FE cluster stores compute node hosts and registers
   * accordingly: {@link #FQDN} when the FE runs in FQDN mode, {@link #POD_IP} (with the ledger)
   * otherwise. The FE's mode is read from {@code SHOW FRONTENDS} (an FE started with {@code
   * --host_type FQDN} lists itself by host name, an FE in IP mode by IP: StarRocks {@code
   * FrontendOptions.getLocalHostAddress}) once per FE cluster, again after an FE outage or a
   * failover to another FE address, and corrected if the FE is seen storing a pod's IP for an added
   * name. The only possible misreading (an FQDN-mode FE whose host name resolves to no name and so
   * lists an IP) selects POD_IP, which works on either mode. The mode in use and why is in {@link
   * GroupStatus#addressModeInUse()}.
   */
  AUTO,
  /**
   * The pod's stable DNS name {@code g-cn-i.g-cn-search.ns.svc.<clusterDomain>}: survives pod
   * restarts and rescheduling. The FE must run in FQDN mode; on an FE in IP mode (which resolves
   * the name and stores the pod's IP) the SDK records the stored IP as owned, so nothing is left
   * behind, and reports {@code AddressModeMismatch}.
   */
  FQDN,
  /**
   * The pod IP, for an FE that resolves names to IPs (as in the StarRocks CN guide). A pod that is
   * rescheduled gets a new IP, so the SDK keeps a ledger of the addresses it registered.
   */
  POD_IP
}
