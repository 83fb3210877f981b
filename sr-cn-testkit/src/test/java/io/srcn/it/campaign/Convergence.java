package io.srcn.it.campaign;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.campaign.EpisodePlan.GroupPlan;
import io.srcn.it.campaign.Ownership.Owner;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One look at a scenario's groups in Kubernetes and in the FE, and the convergence invariant on it:
 * each group's StatefulSet has exactly its pods {@code 0..replicas-1}, all Ready, none terminating,
 * and the FE lists exactly their addresses among the nodes the group owns (no ghost, nothing
 * missing).
 *
 * @param groups what was seen per group
 * @param feNodes every address the FE listed
 */
record Convergence(Map<String, GroupView> groups, Set<String> feNodes) {

  /** One group as seen. */
  record GroupView(
      Optional<Integer> replicas,
      Map<Integer, String> pods,
      Set<String> expected,
      Set<String> registered) {}

  /** Looks at the cluster and the FE now. */
  static Convergence look(
      KubernetesClient client,
      FakeFrontend fe,
      String namespace,
      List<GroupPlan> plans,
      Ownership ownership) {
    List<Pod> pods = client.pods().inNamespace(namespace).list().getItems();
    List<FakeComputeNode> nodes = fe.computeNodes();
    Map<String, GroupView> groups = new TreeMap<>();
    for (GroupPlan g : plans) {
      StatefulSet sts =
          client.apps().statefulSets().inNamespace(namespace).withName(g.name() + "-cn").get();
      Optional<Integer> replicas =
          Optional.ofNullable(sts).map(s -> s.getSpec().getReplicas()).map(r -> r == null ? 1 : r);
      Map<Integer, String> states = new TreeMap<>();
      Set<String> expected = new TreeSet<>();
      for (Pod p : pods) {
        String name = p.getMetadata().getName();
        if (!name.matches(g.name() + "-cn-(0|[1-9][0-9]*)")) {
          continue;
        }
        int ordinal = Integer.parseInt(name.substring(g.name().length() + 4));
        boolean ready = ready(p);
        boolean terminating = p.getMetadata().getDeletionTimestamp() != null;
        String ip = p.getStatus() == null ? null : p.getStatus().getPodIP();
        states.put(ordinal, (ready ? "Ready" : "NotReady") + (terminating ? ",Terminating" : ""));
        if (ready && !terminating && ordinal < replicas.orElse(0)) {
          expected.add(ownership.address(g, ordinal, ip));
        }
      }
      Set<String> registered = new TreeSet<>();
      for (FakeComputeNode n : nodes) {
        HostPort a = HostPort.of(n.host(), n.heartbeatPort());
        Optional<Owner> owner = ownership.owner(a);
        if (owner.isPresent() && owner.get().group().equals(g)) {
          registered.add(a.toString());
        }
      }
      groups.put(g.name(), new GroupView(replicas, states, expected, registered));
    }
    Set<String> all = new TreeSet<>();
    nodes.forEach(n -> all.add(n.address()));
    return new Convergence(groups, all);
  }

  /** True when every group has all its pods Ready and exactly their addresses registered. */
  boolean converged() {
    for (GroupView g : groups.values()) {
      if (g.replicas().isEmpty()) {
        return false;
      }
      int r = g.replicas().get();
      if (g.pods().size() != r || !g.pods().values().stream().allMatch("Ready"::equals)) {
        return false;
      }
      if (!g.pods().keySet().equals(new TreeSet<>(ordinals(r)))) {
        return false;
      }
      if (!g.expected().equals(g.registered())) {
        return false;
      }
    }
    return true;
  }

  /** Violations of "the owned nodes registered are exactly the Ready pods' addresses". */
  List<String> registrationViolations() {
    List<String> out = new ArrayList<>();
    groups.forEach(
        (name, g) -> {
          Set<String> ghosts = new TreeSet<>(g.registered());
          ghosts.removeAll(g.expected());
          Set<String> missing = new TreeSet<>(g.expected());
          missing.removeAll(g.registered());
          if (!ghosts.isEmpty()) {
            out.add("GHOST: group " + name + " has FE nodes without a Ready pod: " + ghosts);
          }
          if (!missing.isEmpty()) {
            out.add("MISSING: group " + name + " has Ready pods not registered: " + missing);
          }
        });
    return out;
  }

  private static List<Integer> ordinals(int replicas) {
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < replicas; i++) {
      out.add(i);
    }
    return out;
  }

  private static boolean ready(Pod p) {
    if (p.getStatus() == null || p.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : p.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }
}
