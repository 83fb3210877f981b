package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegistrationPlannerTest {
  private static final GroupIdentity FQDN = new GroupIdentity("ns", "g", "cluster.local", false);
  private static final GroupIdentity IP = new GroupIdentity("ns", "g", "cluster.local", true);

  private static PodView ready(int ordinal) {
    return pod(ordinal, true, false, "10.0.0." + (10 + ordinal), 9050);
  }

  private static PodView pod(int ordinal, boolean ready, boolean terminating, String ip, int port) {
    return new PodView(
        "g-cn-" + ordinal,
        ordinal,
        ready,
        terminating,
        Optional.ofNullable(ip),
        port,
        "Running",
        0);
  }

  private static HostPort fqdn(int ordinal) {
    return HostPort.of("g-cn-" + ordinal + ".g-cn-search.ns.svc.cluster.local", 9050);
  }

  private static FeNode node(HostPort address) {
    return new FeNode(address, true, Optional.of("OK"), "", Optional.empty(), Optional.empty());
  }

  private static List<FeNode> nodes(HostPort... addresses) {
    List<FeNode> list = new ArrayList<>();
    for (HostPort a : addresses) {
      list.add(node(a));
    }
    return list;
  }

  private static RegistrationPlan plan(int replicas, List<PodView> pods, List<FeNode> fe) {
    return RegistrationPlanner.plan(FQDN, replicas, pods, fe, Map.of(), false);
  }

  @Test
  void addsEveryServingPodInOneBatchInOrdinalOrder() {
    RegistrationPlan p = plan(3, List.of(ready(2), ready(0), ready(1)), List.of());
    assertThat(p.toAdd()).containsExactly(fqdn(0), fqdn(1), fqdn(2));
    assertThat(p.toDrop()).isEmpty();
  }

  @Test
  void nothingToDoWhenEveryServingPodIsRegistered() {
    RegistrationPlan p = plan(2, List.of(ready(0), ready(1)), nodes(fqdn(0), fqdn(1)));
    assertThat(p.isNoop()).isTrue();
    assertThat(p.owned()).hasSize(2);
    assertThat(p.ghosts()).isEmpty();
  }

  @Test
  void podsThatAreNotReadyOrTerminatingOrBeyondReplicasAreNotAdded() {
    List<PodView> pods =
        List.of(
            pod(0, false, false, "10.0.0.1", 9050), pod(1, true, true, "10.0.0.2", 9050), ready(2));
    assertThat(plan(2, pods, List.of()).toAdd()).isEmpty();
  }

  @Test
  void scaleInDropsOnlyOncePodIsGone() {
    List<FeNode> fe = nodes(fqdn(0), fqdn(1), fqdn(2));
    RegistrationPlan whileTerminating =
        plan(2, List.of(ready(0), ready(1), pod(2, false, true, "10.0.0.12", 9050)), fe);
    assertThat(whileTerminating.toDrop()).isEmpty();

    RegistrationPlan afterGone = plan(2, List.of(ready(0), ready(1)), fe);
    assertThat(afterGone.dropAddresses()).containsExactly(fqdn(2));
    assertThat(afterGone.ghosts()).extracting(OwnedNode::ordinal).containsExactly(2);
  }

  @Test
  void podMissingBelowReplicasKeepsItsRegistration() {
    RegistrationPlan p = plan(3, List.of(ready(0), ready(2)), nodes(fqdn(0), fqdn(1), fqdn(2)));
    assertThat(p.toDrop()).isEmpty();
    assertThat(p.ghosts()).extracting(OwnedNode::ordinal).containsExactly(1);
  }

  @Test
  void restartingPodKeepsItsRegistration() {
    RegistrationPlan p = plan(1, List.of(pod(0, false, false, "10.0.0.1", 9050)), nodes(fqdn(0)));
    assertThat(p.isNoop()).isTrue();
  }

  @Test
  void foreignNodesAreNeverOwnedOrDropped() {
    List<FeNode> fe =
        nodes(
            HostPort.of("g-cn-5.g-cn-search.other.svc.cluster.local", 9050),
            HostPort.of("g2-cn-0.g2-cn-search.ns.svc.cluster.local", 9050),
            HostPort.of("g-cn-cn-0.g-cn-cn-search.ns.svc.cluster.local", 9050),
            HostPort.of("g-cn-7.g-cn-search.ns.svc.example.org", 9050),
            HostPort.of("10.0.0.99", 9050),
            HostPort.of("g-cn-007.g-cn-search.ns.svc.cluster.local", 9050));
    RegistrationPlan p = RegistrationPlanner.plan(FQDN, 0, List.of(), fe, Map.of(), true);
    assertThat(p.owned()).isEmpty();
    assertThat(p.toDrop()).isEmpty();
  }

  @Test
  void ownershipIgnoresCaseOfTheHost() {
    HostPort upper = HostPort.of("G-CN-3.G-CN-SEARCH.NS.SVC.CLUSTER.LOCAL", 9050);
    RegistrationPlan p = plan(1, List.of(ready(0)), nodes(fqdn(0), upper));
    assertThat(p.dropAddresses()).containsExactly(upper);
  }

  @Test
  void forceDropsEveryOwnedNodeEvenWithPodsPresent() {
    RegistrationPlan p =
        RegistrationPlanner.plan(
            FQDN, 0, List.of(ready(0)), nodes(fqdn(0), fqdn(1)), Map.of(), true);
    assertThat(p.dropAddresses()).containsExactly(fqdn(0), fqdn(1));
    assertThat(p.toAdd()).isEmpty();
  }

  @Test
  void suspendWithZeroReplicasDropsNodesWhosePodsAreGone() {
    RegistrationPlan p =
        plan(0, List.of(pod(0, false, true, "10.0.0.1", 9050)), nodes(fqdn(0), fqdn(1)));
    assertThat(p.dropAddresses()).containsExactly(fqdn(1));
  }

  @Test
  void feListingThePodIpInsteadOfItsNameIsAMismatchNotAnAdd() {
    RegistrationPlan p = plan(1, List.of(ready(0)), nodes(HostPort.of("10.0.0.10", 9050)));
    assertThat(p.toAdd()).isEmpty();
    assertThat(p.mismatched()).extracting(PodView::name).containsExactly("g-cn-0");
  }

  @Test
  void portChangeAddsTheNewPortThenDropsTheOldOnceBothAreListed() {
    PodView rolled = pod(0, true, false, "10.0.0.10", 9051);
    HostPort old = fqdn(0);
    HostPort fresh = HostPort.of(old.host(), 9051);
    RegistrationPlan first = plan(1, List.of(rolled), nodes(old));
    assertThat(first.toAdd()).containsExactly(fresh);
    assertThat(first.toDrop()).isEmpty();

    RegistrationPlan second = plan(1, List.of(rolled), nodes(old, fresh));
    assertThat(second.dropAddresses()).containsExactly(old);
  }

  @Test
  void ipModeWritesTheLedgerBeforeAdding() {
    RegistrationPlan p =
        RegistrationPlanner.plan(IP, 2, List.of(ready(0), ready(1)), List.of(), Map.of(), false);
    HostPort a0 = HostPort.of("10.0.0.10", 9050);
    HostPort a1 = HostPort.of("10.0.0.11", 9050);
    assertThat(p.toAdd()).containsExactly(a0, a1);
    assertThat(p.ledgerAdd()).containsEntry(a0, "g-cn-0").containsEntry(a1, "g-cn-1");
  }

  @Test
  void ipModeOwnsOnlyLedgerEntriesAndDropsARecreatedPodsOldIp() {
    HostPort oldIp = HostPort.of("10.0.0.10", 9050);
    HostPort newIp = HostPort.of("10.0.0.20", 9050);
    HostPort foreign = HostPort.of("10.0.0.30", 9050);
    PodView recreated = pod(0, true, false, "10.0.0.20", 9050);
    RegistrationPlan p =
        RegistrationPlanner.plan(
            IP, 1, List.of(recreated), nodes(oldIp, foreign), Map.of(oldIp, "g-cn-0"), false);
    assertThat(p.toAdd()).containsExactly(newIp);
    assertThat(p.dropAddresses()).containsExactly(oldIp);
    assertThat(p.owned()).extracting(n -> n.node().address()).containsExactly(oldIp);
  }

  @Test
  void ipModeForgetsLedgerEntriesTheFeNoLongerLists() {
    HostPort lost = HostPort.of("10.0.0.15", 9050);
    RegistrationPlan p =
        RegistrationPlanner.plan(IP, 0, List.of(), List.of(), Map.of(lost, "g-cn-5"), false);
    assertThat(p.ledgerStale()).containsExactly(lost);
    assertThat(p.toDrop()).isEmpty();
  }

  @Test
  void feLosingANodeOfAServingPodReAddsIt() {
    RegistrationPlan p = plan(2, List.of(ready(0), ready(1)), nodes(fqdn(0)));
    assertThat(p.toAdd()).containsExactly(fqdn(1));
  }
}
