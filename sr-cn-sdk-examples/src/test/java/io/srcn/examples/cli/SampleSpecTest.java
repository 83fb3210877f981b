package io.srcn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.examples.cli.Cli.Run;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample spec shipped with the examples ({@code specs/analytics.yaml}) stays valid. */
class SampleSpecTest {
  @Test
  void theSeedGroupRendersWithItsAutoscalingPolicyAndSecretCredentials() {
    Run r = Cli.srcn(Map.of(), "render", "-f", "specs/analytics.yaml");

    assertThat(r.status()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("name: analytics-cn-autoscaler", "namespace: starrocks")
        .contains("selectPolicy: Disabled", "periodSeconds: 10", "averageUtilization: 30")
        .contains("sys_log_level = INFO");
  }
}
