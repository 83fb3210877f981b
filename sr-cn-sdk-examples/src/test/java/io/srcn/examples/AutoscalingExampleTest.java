package io.srcn.examples;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Runs {@link AutoscalingExample} in-process on the testkit (manual HPA clock). */
class AutoscalingExampleTest {
  @Test
  void seedPolicyScalesOutOnePodPerTickKeepsPodsWithoutScaleDownThenShrinksAfterTheUpdate() {
    Output out = new Output();

    AutoscalingExample.Result r = AutoscalingExample.run(out.stream());

    assertThat(r.peak()).isEqualTo(4);
    assertThat(r.afterLoadDropped()).as("scale-down disabled keeps every pod").isEqualTo(4);
    assertThat(r.end()).isEqualTo(1);
    assertThat(r.feNodes())
        .containsExactly("analytics-cn-0.analytics-cn-search.starrocks.svc.cluster.local:9050");
    assertThat(r.timeline().subList(0, 3))
        .as("one more pod per 10 s tick")
        .allMatch(l -> l.contains("FE "))
        .satisfiesExactly(
            l -> assertThat(l).startsWith("t=10s pods 2 desired"),
            l -> assertThat(l).startsWith("t=20s pods 3 desired"),
            l -> assertThat(l).startsWith("t=30s pods 4 desired"));
    assertThat(out.text())
        .contains("selectPolicy: \"Disabled\"", "periodSeconds: 10", "averageUtilization: 60")
        .contains("after 60 s of simulated time: still 4 pods")
        .contains("event NodeDropped");
  }
}
