package io.srcn.it.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.RepeatedTest;

/**
 * A handle's update races the controller's cache-driven repair: the controller (another session, so
 * no shared lock or memory) sees drift in its caches while a handle records newer specs, and
 * objects are edited by hand all along so that repairs keep coming. A cache that still shows an
 * older spec must never make the repair undo the newer one: at the end the recorded spec is the
 * handle's last and every object is as that spec renders.
 */
class CacheDriftRaceTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  @RepeatedTest(8)
  void aStaleCacheNeverUndoesAHandlesNewerSpec() throws Exception {
    try (Cluster c = Cluster.start();
        ComputeNodeClient handles = ComputeNodeClient.create(c.k8s.client());
        ComputeNodeClient controllers = ComputeNodeClient.create(c.k8s.client());
        ComputeNodeController controller =
            controllers
                .controller()
                .namespace(Cluster.NS)
                .resyncPeriod(Duration.ofMillis(200))
                .batchWindow(Duration.ZERO)
                .build()
                .start()) {
      ComputeNodeGroup group = handles.deploy(c.specWithSecretCredentials("g").replicas(1));
      CacheDriftTest.awaitResyncs(controller, 2);

      AtomicBoolean done = new AtomicBoolean();
      CompletableFuture<Void> vandal = CompletableFuture.runAsync(() -> vandalize(c, done));
      ComputeNodeGroupSpec last = group.spec();
      try {
        for (int i = 0; i < 6; i++) {
          int n = i;
          last =
              group
                  .update(
                      s ->
                          s.config("sys_log_level", n % 2 == 0 ? "WARN" : "INFO")
                              .image("starrocks/cn-ubuntu:3.3." + (5 + n % 2)))
                  .spec();
        }
      } finally {
        done.set(true);
        vandal.get();
      }

      ComputeNodeGroupSpec newest = last;
      CacheDriftTest.awaitResyncs(controller, 3);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> {
                assertThat(recorded(c))
                    .as("the recorded spec is the handle's last")
                    .isEqualTo(newest.toCanonicalJson());
                assertThat(newest.plan(c.k8s.client()).hasChanges())
                    .as("every object as the newest spec renders")
                    .isFalse();
              });
    }
  }

  /** Deletes the ConfigMap and edits the PDB by hand until {@code done}: drift for the caches. */
  private static void vandalize(Cluster c, AtomicBoolean done) {
    int i = 0;
    while (!done.get()) {
      try {
        if (i++ % 2 == 0) {
          c.k8s
              .client()
              .configMaps()
              .inNamespace(Cluster.NS)
              .withName(Names.configMap("g"))
              .delete();
        } else {
          c.k8s
              .client()
              .policy()
              .v1()
              .podDisruptionBudget()
              .inNamespace(Cluster.NS)
              .withName(Names.podDisruptionBudget("g"))
              .edit(
                  p -> {
                    p.getSpec().setMaxUnavailable(new IntOrString(7));
                    return p;
                  });
        }
      } catch (RuntimeException e) {
        // the object is gone or changed under the edit: the race this test wants
      }
      await().pollDelay(Duration.ofMillis(30)).until(() -> true);
    }
  }

  private static String recorded(Cluster c) {
    return c.k8s
        .client()
        .apps()
        .statefulSets()
        .inNamespace(Cluster.NS)
        .withName(Names.statefulSet("g"))
        .get()
        .getMetadata()
        .getAnnotations()
        .get(Labels.SPEC_ANNOTATION);
  }
}
