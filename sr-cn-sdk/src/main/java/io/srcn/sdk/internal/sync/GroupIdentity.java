package io.srcn.sdk.internal.sync;

import io.srcn.sdk.AddressMode;
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
 */
record GroupIdentity(String namespace, String group, String clusterDomain, boolean ipMode) {

  /** The identity of the group {@code spec} describes; the one place an identity is built. */
  static GroupIdentity of(ComputeNodeGroupSpec spec) {
    return new GroupIdentity(
        spec.namespace(),
        spec.name(),
        spec.clusterDomain(),
        spec.addressMode() == AddressMode.POD_IP);
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
}
