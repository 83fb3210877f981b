package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.HostPort;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * What one {@link GroupSync} pass observed in Kubernetes and how the group registers in it; turns
 * into the pass's {@link SyncReport}.
 *
 * <p>Immutable.
 */
record Observed(
    Optional<StatefulSet> sts,
    int replicas,
    List<PodView> pods,
    Optional<HpaView> hpa,
    GroupIdentity id,
    FeHostMode mode,
    AddressMode specMode) {
  Observed with(GroupIdentity next, FeHostMode m, AddressMode spec) {
    return new Observed(sts, replicas, pods, hpa, next, m, spec);
  }

  SyncReport report(
      Clock clock,
      List<FeNode> nodes,
      Optional<RegistrationPlan> plan,
      CnSdkException frontendError,
      CnSdkException registrationError,
      List<HostPort> added,
      List<HostPort> dropped) {
    return new SyncReport(
        clock.instant(),
        sts,
        replicas,
        pods,
        hpa,
        nodes,
        plan,
        List.copyOf(added),
        List.copyOf(dropped),
        Optional.ofNullable(frontendError),
        Optional.ofNullable(registrationError),
        id,
        Optional.ofNullable(mode).map(m -> AddressModes.explain(specMode, id, m)));
  }
}
