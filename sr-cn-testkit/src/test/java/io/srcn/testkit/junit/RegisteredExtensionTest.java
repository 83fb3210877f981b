package io.srcn.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeVersion;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RegisteredExtensionTest {
  @RegisterExtension
  static final CnTestkitExtension KIT =
      CnTestkitExtension.builder()
          .kubernetes(k -> k.podReadyDelay(Duration.ofMillis(5)).clusterDomain("corp.local"))
          .frontend(f -> f.version(FeVersion.V2_4))
          .bridged(false)
          .build();

  @Test
  void customizersApplyAndUnbridgedFeKeepsItsOwnReachability(FakeFrontend fe, MockKubernetes k8s) {
    assertThat(k8s.clusterDomain()).isEqualTo("corp.local");
    assertThat(k8s.statefulSets().readyDelay()).isEqualTo(Duration.ofMillis(5));
    fe.addComputeNode("no-such-pod.svc.corp.local", 9050);
    fe.heartbeatNow();
    assertThat(fe.computeNodes()).singleElement().satisfies(n -> assertThat(n.alive()).isTrue());
  }
}
