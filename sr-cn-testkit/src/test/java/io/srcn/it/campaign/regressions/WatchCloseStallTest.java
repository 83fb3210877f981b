package io.srcn.it.campaign.regressions;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.srcn.testkit.k8s.MockKubernetes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Campaign finding 2 (testkit): fabric8's mock watch listener, on close, waits on the API server's
 * only event-loop thread for its send queue to drain, while a queued send waits up to 30 s for that
 * same event loop: every request stalled until the send timed out (controllers that restarted saw
 * "request timed out"). And between the listener's shutdown and its removal, a write that notified
 * it failed with RejectedExecutionException after the store had changed, so the other watchers and
 * the simulators never heard of that change (the pod stayed un-Ready in the simulator's eyes).
 * Closing watches while objects change must neither stall the server nor fail a write. (Fixed on
 * this branch first; the mockk8s branch fixed it independently by serving watches from the
 * dispatcher itself, which is the implementation kept.)
 */
class WatchCloseStallTest {
  @Test
  void closingWatchesWhileObjectsChangeNeitherStallsNorFailsWrites() throws Exception {
    try (MockKubernetes k8s = MockKubernetes.builder().namespaces("ns").build().start()) {
      KubernetesClient client = k8s.client();
      client.configMaps().inNamespace("ns").resource(configMap(0)).create();
      AtomicBoolean done = new AtomicBoolean();
      AtomicLong slowestWrite = new AtomicLong();
      AtomicInteger writes = new AtomicInteger();
      ExecutorService writer = Executors.newSingleThreadExecutor();
      Future<?> writing =
          writer.submit(
              () -> {
                while (!done.get()) {
                  long t0 = System.nanoTime();
                  client
                      .configMaps()
                      .inNamespace("ns")
                      .resource(configMap(writes.incrementAndGet()))
                      .update();
                  slowestWrite.accumulateAndGet(System.nanoTime() - t0, Math::max);
                }
              });
      try {
        for (int round = 0; round < 12; round++) {
          List<Watch> watches = new ArrayList<>();
          for (int i = 0; i < 4; i++) {
            watches.add(client.configMaps().inNamespace("ns").watch(ignore()));
          }
          watches.forEach(Watch::close);
        }
      } finally {
        done.set(true);
      }
      writing.get(60, TimeUnit.SECONDS); // rethrows a failed write
      writer.shutdown();
      assertThat(slowestWrite.get() / 1_000_000L).as("slowest write (ms)").isLessThan(5_000);
      assertThat(client.configMaps().inNamespace("ns").withName("c").get().getData())
          .containsEntry("n", Integer.toString(writes.get()));
    }
  }

  private static ConfigMap configMap(int n) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withName("c")
        .endMetadata()
        .withData(Map.of("n", Integer.toString(n)))
        .build();
  }

  private static Watcher<ConfigMap> ignore() {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, ConfigMap resource) {}

      @Override
      public void onClose(WatcherException cause) {}
    };
  }
}
