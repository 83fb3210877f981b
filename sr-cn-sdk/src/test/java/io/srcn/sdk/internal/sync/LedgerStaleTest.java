package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.HostPort;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Campaign finding 3 (engine, IP mode): a ledger entry counted as stale whenever the FE snapshot
 * did not list its address and the pass was not about to add it. The controller's snapshot can be
 * as old as its resync period, so when a handle (another engine) had just registered a pod whose
 * readiness then flickered, the controller forgot the entry of a registered node: the node lost its
 * owner and stayed in the FE for good, even after the group was deleted.
 */
class LedgerStaleTest {
  private static final GroupIdentity IP = new GroupIdentity("ns", "g", "cluster.local", true);

  private static PodView pod(int ordinal, boolean ready, String ip) {
    return new PodView(
        "g-cn-" + ordinal, ordinal, ready, false, Optional.of(ip), 9050, "Running", 0);
  }

  @Test
  void anEntryOfAnExistingPodIsNeverStale() {
    HostPort registered = HostPort.of("10.0.0.7", 9050);
    RegistrationPlan plan =
        RegistrationPlanner.plan(
            IP,
            1,
            List.of(pod(0, false, "10.0.0.7")), // readiness flickers
            List.of(), // a snapshot older than the ADD another engine just made
            Map.of(registered, "g-cn-0"),
            false);
    assertThat(plan.ledgerStale()).isEmpty();
  }

  @Test
  void anEntryWhosePodIncarnationIsGoneAndThatTheFeDoesNotListIsStale() {
    HostPort old = HostPort.of("10.0.0.7", 9050);
    RegistrationPlan plan =
        RegistrationPlanner.plan(
            IP, 1, List.of(pod(0, false, "10.0.0.8")), List.of(), Map.of(old, "g-cn-0"), false);
    assertThat(plan.ledgerStale()).containsExactly(old);
  }
}
