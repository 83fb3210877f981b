package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a pass left undone at the FE, as {@code host:port}: the pods to register and the nodes to
 * drop. When the pass listed the FE, its own plan minus what it did; when it could not, the plan
 * the rules give against the last listing the session took (every Ready pod below the replicas when
 * there is none), where the nodes to drop include every owned node at or beyond the replicas (its
 * pod may still be stopping: it is dropped once gone). Ledger-owned IP entries are not known
 * without a listing, so IP-mode drops show only once the FE answers.
 *
 * @param toRegister nodes of Ready pods not (known to be) registered
 * @param toDrop owned nodes to drop
 */
record PendingWork(List<String> toRegister, List<String> toDrop) {

  static PendingWork of(SyncReport report, Optional<List<FeNode>> lastListing) {
    if (report.plan().isPresent()) {
      RegistrationPlan plan = report.plan().get();
      return new PendingWork(
          minus(plan.toAdd(), report.added()), minus(plan.dropAddresses(), report.dropped()));
    }
    RegistrationPlan guess =
        RegistrationPlanner.plan(
            report.identity(),
            report.replicas(),
            report.pods(),
            lastListing.orElse(List.of()),
            Map.of(),
            false);
    List<HostPort> drops = new ArrayList<>(guess.dropAddresses());
    guess.owned().stream()
        .filter(n -> n.ordinal() >= report.replicas() && !drops.contains(n.node().address()))
        .forEach(n -> drops.add(n.node().address()));
    return new PendingWork(strings(guess.toAdd()), strings(drops));
  }

  private static List<String> minus(List<HostPort> planned, List<HostPort> done) {
    Set<HostPort> finished = new HashSet<>();
    done.forEach(a -> finished.add(RegistrationPlanner.normalize(a)));
    List<HostPort> left = new ArrayList<>();
    planned.forEach(
        a -> {
          if (!finished.contains(RegistrationPlanner.normalize(a))) {
            left.add(a);
          }
        });
    return strings(left);
  }

  private static List<String> strings(List<HostPort> addresses) {
    return addresses.stream().map(HostPort::toString).toList();
  }
}
