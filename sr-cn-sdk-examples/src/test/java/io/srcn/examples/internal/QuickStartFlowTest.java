package io.srcn.examples.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.examples.Output;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.StatementRecord;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The quick-start's steps on the embedded testkit, at the fast pace, checked against the fake FE.
 */
class QuickStartFlowTest {
  private static String address(int ordinal) {
    return "quickstart-cn-" + ordinal + ".quickstart-cn-search.starrocks.svc.cluster.local:9050";
  }

  @Test
  void scalesOneToFourToOneRegisteringAndDroppingThenDeletes() {
    Output out = new Output();
    QuickStartSettings settings = QuickStartSettings.fast();
    QuickStartReport report;
    List<String> alters;
    List<String> feAfter;
    try (EmbeddedEnvironment env = EmbeddedEnvironment.start(settings)) {
      report = new QuickStartFlow(env, settings, new Console(out.stream())).run();
      FakeFrontend fe = env.fakeFrontend();
      alters =
          fe.statements().stream()
              .map(StatementRecord::sql)
              .filter(s -> s.toUpperCase(Locale.ROOT).startsWith("ALTER SYSTEM"))
              .toList();
      feAfter = fe.computeNodes().stream().map(n -> n.address()).toList();
    }

    assertThat(report.deployed().nodes())
        .extracting(NodeStatus::pod)
        .containsExactly("quickstart-cn-0");
    assertThat(report.scaledOut().nodes())
        .hasSize(4)
        .allMatch(NodeStatus::isServing)
        .extracting(n -> n.address().orElseThrow())
        .containsExactly(address(0), address(1), address(2), address(3));
    assertThat(report.scaledOut().hpa().orElseThrow().maxReplicas()).isEqualTo(10);
    assertThat(report.scaledIn().nodes())
        .extracting(NodeStatus::pod)
        .containsExactly("quickstart-cn-0");
    assertThat(report.deleted().nodes()).isEmpty();
    assertThat(report.deleted().registeredCount()).isZero();
    assertThat(report.feNodesLeft()).isEmpty();

    assertThat(feAfter).as("the FE's nodes after the delete").isEmpty();
    for (int i = 0; i < 4; i++) {
      int ordinal = i;
      // pod 0 may be added by both the deploy's first pass and the controller ("already exists" is
      // success); pods 1..3 only by the controller, once each
      assertThat(alters)
          .filteredOn(s -> s.contains(" ADD ") && s.contains("'" + address(ordinal) + "'"))
          .as("the add of pod %d", i)
          .hasSizeBetween(1, i == 0 ? 2 : 1);
      assertThat(alters)
          .filteredOn(s -> s.contains(" DROP ") && s.contains("'" + address(ordinal) + "'"))
          .as("the drop of pod %d", i)
          .isNotEmpty();
    }
    int lastAdd = lastIndex(alters, " ADD ", address(3));
    int firstDropOfPod0 = firstIndex(alters, " DROP ", address(0));
    assertThat(firstDropOfPod0)
        .as("pod 0 is dropped only by the delete, after the scale-in dropped pods 1..3")
        .isGreaterThan(lastAdd)
        .isGreaterThan(lastIndex(alters, " DROP ", address(1)))
        .isGreaterThan(lastIndex(alters, " DROP ", address(2)))
        .isGreaterThan(lastIndex(alters, " DROP ", address(3)));
    // on a starved machine the HPA may overshoot to 5 pods for a moment: whatever was registered
    // must have been dropped again
    assertThat(report.registered()).contains(address(0), address(1), address(2), address(3));
    assertThat(report.dropped()).containsAll(report.registered());

    assertThat(out.text())
        .contains("1/6 ", "2/6 ", "3/6 ", "4/6 ", "5/6 ", "6/6 final status")
        .contains("scaled out: 4 pods Ready, registered and Alive")
        .contains("event NodeRegistered", "event NodeDropped")
        .containsPattern(
            "done: the FE lists none of the group's nodes \\([45] registered, [45] dropped\\)");
  }

  private static int firstIndex(List<String> statements, String verb, String address) {
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).contains(verb) && statements.get(i).contains("'" + address + "'")) {
        return i;
      }
    }
    return -1;
  }

  private static int lastIndex(List<String> statements, String verb, String address) {
    int last = -1;
    for (int i = 0; i < statements.size(); i++) {
      if (statements.get(i).contains(verb) && statements.get(i).contains("'" + address + "'")) {
        last = i;
      }
    }
    return last;
  }

  @Test
  void servingRequiresExactlyThatManyPodsAliveAndNoGhost() {
    GroupStatus none =
        GroupStatus.builder()
            .namespace("ns")
            .name("g")
            .observedGeneration(1)
            .observedAt(java.time.Instant.EPOCH)
            .desiredReplicas(1)
            .currentReplicas(0)
            .readyReplicas(0)
            .build();
    assertThat(Progress.serving(1).test(none)).isFalse();
    assertThat(Progress.line(none))
        .isEqualTo("pods 1 desired, 0 current, 0 ready | FE 0 registered, 0 alive");
  }
}
