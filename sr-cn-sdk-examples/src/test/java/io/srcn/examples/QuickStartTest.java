package io.srcn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs the copyable {@link QuickStart} in-process on the testkit (manual HPA clock). */
class QuickStartTest {
  private static final String NODE =
      "analytics-cn-%d.analytics-cn-search.starrocks.svc.cluster.local:9050";

  @Test
  void scalesOneToFourToOneRegisteringAndDroppingEachPodThenDeletesTheGroup() {
    Output out = new Output();

    QuickStart.Result r = QuickStart.run(out.stream());

    assertThat(r.peakNodes()).containsExactly(node(0), node(1), node(2), node(3));
    assertThat(r.endNodes()).containsExactly(node(0));
    assertThat(r.afterDelete()).isEmpty();
    assertThat(out.text()).contains("4 pods serve", "1 pod serves", "deleted");
  }

  private static String node(int i) {
    return String.format(NODE, i);
  }
}
