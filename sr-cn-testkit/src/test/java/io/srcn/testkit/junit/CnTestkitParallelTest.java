package io.srcn.testkit.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Proves parallel safety: four repetitions run at the same time (each waits until all four are
 * running), each with its own servers; every test writes the same object names and must see only
 * its own.
 */
@CnTestkit(namespaces = "ns")
@Execution(ExecutionMode.CONCURRENT)
// Not @Isolated: an exclusive lock makes JUnit run the class's children in one thread, and the
// four repetitions wait for each other. They need four workers at once (the pool has four), which
// they get once the classes running beside them finish their current tests.
class CnTestkitParallelTest {
  private static final int RUNS = 4;
  private static final CountDownLatch ALL_RUNNING = new CountDownLatch(RUNS);
  private static final Set<Integer> K8S_PORTS = ConcurrentHashMap.newKeySet();
  private static final Set<Integer> FE_PORTS = ConcurrentHashMap.newKeySet();

  @RepeatedTest(RUNS)
  void concurrentTestsGetIsolatedServers(
      FakeFrontend fe, MockKubernetes k8s, KubernetesClient client) throws Exception {
    ALL_RUNNING.countDown();
    assertThat(ALL_RUNNING.await(60, TimeUnit.SECONDS))
        .as("all repetitions ran at the same time")
        .isTrue();
    assertThat(K8S_PORTS.add(k8s.port())).isTrue();
    assertThat(FE_PORTS.add(fe.port())).isTrue();
    String mine = String.valueOf(k8s.port());

    client
        .resource(
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("shared-name")
                .addToLabels("owner", mine)
                .endMetadata()
                .build())
        .inNamespace("ns")
        .create();
    fe.addComputeNode("cn-" + mine, 9050);

    assertThat(client.configMaps().inNamespace("ns").list().getItems())
        .singleElement()
        .satisfies(c -> assertThat(c.getMetadata().getLabels()).containsEntry("owner", mine));
    assertThat(fe.computeNodes())
        .singleElement()
        .satisfies(n -> assertThat(n.host()).isEqualTo("cn-" + mine));
    assertThat(k8s.requests().count()).isEqualTo(2);
  }
}
