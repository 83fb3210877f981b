package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.HostPort;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything one pass of {@link GroupSync} observed and did; the status is computed from it.
 *
 * @param at when the pass ran
 * @param statefulSet the group's StatefulSet, if it exists
 * @param replicas the replicas the pass planned with
 * @param pods the group's pods
 * @param hpa the group's HPA, when autoscaling
 * @param feNodes the FE's nodes after the pass's own writes (empty when the FE was not reachable)
 * @param plan the registration plan (empty when the FE was not reachable or not configured)
 * @param added addresses this pass registered
 * @param dropped addresses this pass dropped
 * @param frontendError why the FE could not be listed
 * @param registrationError why an ADD, DROP or ledger write failed
 * @param identity how the group's pods registered in this pass (AUTO resolved)
 * @param addressMode the address mode in use and why (empty when the FE was not reached)
 */
record SyncReport(
    Instant at,
    Optional<StatefulSet> statefulSet,
    int replicas,
    List<PodView> pods,
    Optional<HpaView> hpa,
    List<FeNode> feNodes,
    Optional<RegistrationPlan> plan,
    List<HostPort> added,
    List<HostPort> dropped,
    Optional<CnSdkException> frontendError,
    Optional<CnSdkException> registrationError,
    GroupIdentity identity,
    Optional<AddressModes.Choice> addressMode) {

  /**
   * This report without the FE listing, as a group keeps it between passes: the listing is the FE
   * cluster's (every ADD makes a new one), so one kept per group made the heap grow with groups ×
   * nodes (10,000 groups of 3 pods did not fit in 1 GiB, issue 19 section 3).
   */
  SyncReport withoutListing() {
    return new SyncReport(
        at,
        statefulSet,
        replicas,
        pods,
        hpa,
        List.of(),
        plan,
        added,
        dropped,
        frontendError,
        registrationError,
        identity,
        addressMode);
  }

  /** True when the pass reached the FE and changed nothing that is still pending. */
  boolean converged() {
    return frontendError.isEmpty()
        && registrationError.isEmpty()
        && plan.map(p -> p.toAdd().isEmpty() && p.toDrop().isEmpty()).orElse(false);
  }
}
