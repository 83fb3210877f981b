package io.srcn.sdk.internal.sync;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.status.AddressMismatch;
import io.srcn.sdk.naming.Names;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Who a group is on the FE: how its pods' addresses are formed and how its nodes are recognised.
 *
 * @param namespace the group's namespace
 * @param group the group name
 * @param clusterDomain the cluster DNS domain, e.g. {@code cluster.local}
 * @param ipMode true when pods register by pod IP (ownership then comes from the ledger)
 * @param feStoresIps true when pods register by name on an FE known to resolve names and store IPs:
 *     the IP of each pod is recorded in the ledger before its ADD, so the entry the FE stores is
 *     owned from the start
 */
record GroupIdentity(
    String namespace, String group, String clusterDomain, boolean ipMode, boolean feStoresIps) {

  GroupIdentity(String namespace, String group, String clusterDomain, boolean ipMode) {
    this(namespace, group, clusterDomain, ipMode, false);
  }

  /** The pod's IP with its heartbeat port: what an IP-mode FE lists for it. */
  Optional<HostPort> ipAddressOf(PodView pod) {
    return pod.ip().map(ip -> HostPort.of(ip, pod.heartbeatPort()));
  }

  /** The identity of the group {@code spec} describes; the one place an identity is built. */
  static GroupIdentity of(ComputeNodeGroupSpec spec) {
    return of(spec, null);
  }

  /** The address a pod registers under, or empty when it has none yet (IP mode without an IP). */
  Optional<HostPort> addressOf(PodView pod) {
    if (ipMode) {
      return pod.ip().map(ip -> HostPort.of(ip, pod.heartbeatPort()));
    }
    return Optional.of(HostPort.of(fqdn(pod.ordinal()), pod.heartbeatPort()));
  }

  /** The pod's DNS name. */
  String fqdn(int ordinal) {
    return Names.podFqdn(group, ordinal, namespace, clusterDomain);
  }

  /** The ordinal of an FE host that matches the group's FQDN pattern. */
  /**
   * What every pod FQDN of the group ends with after the pod name: {@code .<headless
   * service>.<namespace>.svc.<cluster domain>}.
   */
  String fqdnSuffix() {
    return "." + Names.headlessService(group) + "." + namespace + ".svc." + clusterDomain;
  }

  OptionalInt ordinalOfFqdn(String host) {
    return Names.ordinalOfFqdn(group, namespace, clusterDomain, host.toLowerCase(Locale.ROOT));
  }

  /** How the FE lists a pod by IP where the group registered its name. */
  AddressMismatch mismatch(PodView pod) {
    return new AddressMismatch(
        pod.name(),
        addressOf(pod).map(HostPort::toString).orElse(""),
        HostPort.of(pod.ip().orElseThrow(), pod.heartbeatPort()).toString());
  }

  @Override
  public String toString() {
    return namespace + "/" + group;
  }

  /** The identity of a pass: how pods register, given the spec and the FE's host mode. */
  static GroupIdentity of(ComputeNodeGroupSpec spec, FeHostMode mode) {
    boolean feIp = mode != null && mode.ipMode();
    boolean ipMode =
        switch (spec.addressMode()) {
          case POD_IP -> true;
          case FQDN -> false;
          case AUTO -> feIp;
        };
    return new GroupIdentity(
        spec.namespace(), spec.name(), spec.clusterDomain(), ipMode, !ipMode && feIp);
  }
}
