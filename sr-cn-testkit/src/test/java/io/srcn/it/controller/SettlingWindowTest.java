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
 * are Ready. While the group settles, each event pushes its pass out by the window (up to ten
 * windows), so pods that turn Ready less than a window apart share one ADD even when together they
 * take longer than one window.
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

  @RepeatedTest(2)
  void podsReadyLessThanAWindowApartShareOneAddThoughTogetherTheyTakeLonger() {
    String ns = Cluster.NS;
    Duration window = Duration.ofSeconds(2);
    Duration gap = Duration.ofMillis(1200); // < window; three pods take 2.4 s > window
    try (ComputeNodeClient session = ComputeNodeClient.create(k8s.client())) {
      session.apply(
          ComputeNodeGroups.create("s")
              .inNamespace(ns)
              .image("starrocks/cn-ubuntu:3.3.5")
              .autoscale(Autoscaling.between(1, 4).onCpu(60))
              .registerWith(fe.frontend()));
    }
    try (ComputeNodeController c =
        ComputeNodeController.builder(k8s.client())
            .namespace(ns)
            .batchWindow(window)
            .credentialsResolver((credentials, n) -> fe.frontend().credentials())
            .build()
            .start()) {
      await().atMost(Duration.ofSeconds(30)).until(() -> fe.computeNodes().size() == 1);
      for (int i = 1; i <= 3; i++) {
        k8s.statefulSets().failReadiness(ns, "s-cn-" + i, true);
      }
      k8s.client().apps().statefulSets().inNamespace(ns).withName("s-cn").scale(4);
      await().atMost(Duration.ofSeconds(30)).until(() -> k8s.podCount(ns).pods() >= 4);
      pause(window.multipliedBy(2)); // the pass of the pods' creation is over
      fe.clearStatements();
      for (int i = 1; i <= 3; i++) {
        if (i > 1) {
          pause(gap);
        }
        k8s.statefulSets().failReadiness(ns, "s-cn-" + i, false);
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> fe.computeNodes().size() == 4);
      assertThat(
              fe.statements().stream()
                  .filter(r -> r.sql().toUpperCase(java.util.Locale.ROOT).contains("ADD COMPUTE"))
                  .count())
          .as("ADD statements for three pods Ready %s apart (window %s)", gap, window)
          .isEqualTo(1);
    }
  }

  /** Lets time pass (Awaitility, not a bare sleep). */
  private static void pause(Duration d) {
    await().pollDelay(d).atMost(d.plusSeconds(5)).until(() -> true);
  }
}
