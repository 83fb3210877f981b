package io.srcn.it.campaign;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.campaign.EpisodePlan.GroupPlan;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.naming.Labels;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** What a deleted group may not leave behind, in the FE and in Kubernetes. */
final class Cleanup {
  private Cleanup() {}

  /** The FE nodes {@code g} still owns. */
  static Set<String> feNodes(FakeFrontend fe, Ownership ownership, GroupPlan g) {
    Set<String> left = new TreeSet<>();
    for (FakeComputeNode n : fe.computeNodes()) {
      HostPort a = HostPort.of(n.host(), n.heartbeatPort());
      if (ownership.owner(a).filter(o -> o.group().equals(g)).isPresent()) {
        left.add(a.toString());
      }
    }
    return left;
  }

  /** Everything the deleted groups left: FE nodes and labelled Kubernetes objects. */
  static List<String> leftovers(
      CampaignFixture f, String ns, List<GroupPlan> groups, Ownership ownership) {
    List<String> out = new ArrayList<>();
    KubernetesClient c = f.k8s.client();
    for (GroupPlan g : groups) {
      Set<String> nodes = feNodes(f.fe, ownership, g);
      if (!nodes.isEmpty()) {
        out.add(g.name() + ": FE nodes " + nodes);
      }
      names(
          out,
          g,
          c.apps()
              .statefulSets()
              .inNamespace(ns)
              .withLabel(Labels.INSTANCE, g.name())
              .list()
              .getItems());
      names(
          out,
          g,
          c.services().inNamespace(ns).withLabel(Labels.INSTANCE, g.name()).list().getItems());
      names(
          out,
          g,
          c.configMaps().inNamespace(ns).withLabel(Labels.INSTANCE, g.name()).list().getItems());
      names(
          out, g, c.pods().inNamespace(ns).withLabel(Labels.INSTANCE, g.name()).list().getItems());
      names(
          out,
          g,
          c.autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace(ns)
              .withLabel(Labels.INSTANCE, g.name())
              .list()
              .getItems());
      names(
          out,
          g,
          c.policy()
              .v1()
              .podDisruptionBudget()
              .inNamespace(ns)
              .withLabel(Labels.INSTANCE, g.name())
              .list()
              .getItems());
      if (c.configMaps().inNamespace(ns).withName(g.name() + "-cn-ledger").get() != null) {
        out.add(g.name() + ": ledger ConfigMap");
      }
    }
    return out;
  }

  private static void names(List<String> out, GroupPlan g, List<? extends HasMetadata> objects) {
    for (HasMetadata o : objects) {
      out.add(g.name() + ": " + o.getKind() + " " + o.getMetadata().getName());
    }
  }
}
