package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendInfo;
import io.srcn.sdk.fe.HostPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Campaign finding 3, second half: after an ADD that the FE answered "already exists" (another
 * engine, e.g. a group handle, had registered the node a moment before), the shared snapshot still
 * lacked the node until the next listing, up to a resync period later; passes deciding on it took
 * the node for unregistered (and its ledger entry for stale).
 */
class FeClusterSnapshotTest {
  /** An FE with a node list; counts listings. */
  private static final class ListFe implements FrontendClient {
    final List<HostPort> nodes = new ArrayList<>();
    int listings;

    @Override
    public List<ComputeNode> computeNodes() {
      listings++;
      return nodes.stream()
          .map(
              a ->
                  ComputeNode.of(
                      Map.of(
                          "ComputeNodeId",
                          "" + (10_000 + nodes.indexOf(a)),
                          "IP",
                          a.host(),
                          "HeartbeatPort",
                          "" + a.port(),
                          "Alive",
                          "true")))
          .toList();
    }

    @Override
    public AddResult add(Collection<HostPort> add) {
      List<HostPort> added = new ArrayList<>();
      List<HostPort> present = new ArrayList<>();
      for (HostPort a : add) {
        (nodes.contains(a) ? present : added).add(a);
      }
      nodes.addAll(added);
      return new AddResult(added, present);
    }

    @Override
    public AddResult add(Collection<HostPort> add, String warehouse) {
      return add(add);
    }

    @Override
    public DropResult drop(Collection<HostPort> drop) {
      List<HostPort> dropped = new ArrayList<>(drop);
      dropped.retainAll(nodes);
      nodes.removeAll(dropped);
      List<HostPort> absent = new ArrayList<>(drop);
      absent.removeAll(dropped);
      return new DropResult(dropped, absent);
    }

    @Override
    public DropResult drop(Collection<HostPort> drop, String warehouse) {
      return drop(drop);
    }

    @Override
    public List<FrontendInfo> frontends() {
      return List.of();
    }

    @Override
    public String serverVersion() {
      return "3.3.5";
    }

    @Override
    public Optional<HostPort> lastGoodAddress() {
      return Optional.empty();
    }

    @Override
    public void close() {}
  }

  @Test
  void aNodeTheFeAlreadyHadIsInTheSnapshotAfterTheAdd() {
    ListFe fe = new ListFe();
    FeCluster cluster = new FeCluster(fe, System::nanoTime);
    assertThat(cluster.nodes(Duration.ofMinutes(1))).isEmpty();
    HostPort x = HostPort.of("10.0.0.7", 9050);
    fe.nodes.add(x); // registered by another engine after this cluster listed
    AddResult r = cluster.add(List.of(x), Optional.empty());
    assertThat(r.alreadyPresent()).containsExactly(x);
    assertThat(cluster.nodes(Duration.ofMinutes(1))).extracting(FeNode::address).containsExactly(x);
    assertThat(fe.listings).isEqualTo(1);
  }

  /**
   * Every pass on one snapshot uses the snapshot's own index (issue 19: deriving it per pass made a
   * resync O(groups x nodes)); an ADD's snapshot extends it, a DROP's is indexed anew, and each
   * answers as an index built from scratch.
   */
  @Test
  void passesOnOneSnapshotShareItsIndexAndWritesKeepItExact() {
    ListFe fe = new ListFe();
    for (int i = 0; i < 5; i++) {
      fe.nodes.add(HostPort.of("10.0.0." + i, 9050));
    }
    FeCluster cluster = new FeCluster(fe, System::nanoTime);
    List<FeNode> listed = cluster.nodes(Duration.ofMinutes(1));
    assertThat(FeListingIndex.of(cluster.nodes(Duration.ofMinutes(1))))
        .isSameAs(FeListingIndex.of(listed));
    for (int i = 5; i < 40; i++) { // more ADDs than a chain holds before it is flattened
      cluster.add(List.of(HostPort.of("10.0.0." + i, 9050)), Optional.empty());
      assertIndexedExactly(cluster.nodes(Duration.ofMinutes(1)), fe);
    }
    cluster.drop(List.of(HostPort.of("10.0.0.3", 9050)), Optional.empty());
    assertIndexedExactly(cluster.nodes(Duration.ofMinutes(1)), fe);
    assertThat(fe.listings).isEqualTo(1);
  }

  private static void assertIndexedExactly(List<FeNode> snapshot, ListFe fe) {
    assertThat(snapshot).isInstanceOf(FeListing.class);
    assertThat(snapshot).extracting(FeNode::address).containsExactlyElementsOf(fe.nodes);
    FeListingIndex kept = FeListingIndex.of(snapshot);
    assertThat(FeListingIndex.of(snapshot)).isSameAs(kept);
    assertThat(kept.listed()).isEqualTo(FeListingIndex.of(new ArrayList<>(snapshot)).listed());
  }
}
