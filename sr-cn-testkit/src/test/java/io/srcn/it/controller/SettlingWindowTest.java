package io.srcn.it.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;

/**
 * The batch window is waited out only while a group is settling (issue 19 section 1): once the last
 * pod of a scale-out is Ready, the pass starts at once instead of at the end of the window that the
 * scale-out's first event opened. With the 5 s window used here, the fixed window of before
 * registered the new pods about 5 s after the scale; the settling window does it as soon as they
 * are Ready.
 */
@ItCluster
class SettlingWindowTest {
  private static final Duration WINDOW = Duration.ofSeconds(5);
  private MockKubernetes k8s;
  private FakeFrontend fe;

  @BeforeEach
  void start(FakeFrontend fe, MockKubernetes k8s) {
    this.fe = fe;
    this.k8s = k8s;
  }

  @RepeatedTest(3)
  void aSettledScaleOutIsRegisteredWithoutWaitingOutTheWindow() {
    String ns = Cluster.NS;
    try (ComputeNodeClient session = ComputeNodeClient.create(k8s.client())) {
      session.apply( // objects only: the controller registers
          ComputeNodeGroups.create("w")
              .inNamespace(ns)
              .image("starrocks/cn-ubuntu:3.3.5")
              .autoscale(Autoscaling.between(1, 3).onCpu(60))
              .registerWith(fe.frontend()));
    }
    try (ComputeNodeController c =
        ComputeNodeController.builder(k8s.client())
            .namespace(ns)
            .batchWindow(WINDOW)
            .credentialsResolver((credentials, n) -> fe.frontend().credentials())
            .build()
            .start()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> fe.computeNodes().size() == 1);
      long scaled = System.nanoTime();
      // the HPA's move: the scale-out's first event opens a window, its last pod's Ready ends it
      k8s.client().apps().statefulSets().inNamespace(ns).withName("w-cn").scale(3);
      await().atMost(Duration.ofSeconds(30)).until(() -> fe.computeNodes().size() == 3);
      assertThat(Duration.ofNanos(System.nanoTime() - scaled))
          .as("registered before the window the scale-out opened ended")
          .isLessThan(WINDOW.minusMillis(1500));
    }
  }
}
