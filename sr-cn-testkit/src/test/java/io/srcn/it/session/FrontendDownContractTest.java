package io.srcn.it.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.srcn.it.support.Cluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.RegistrationPendingException;
import io.srcn.sdk.naming.Names;
import io.srcn.testkit.fe.FakeFrontend;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of every handle method that does FE work, with the FE down (issue 15, bug 3): the
 * Kubernetes change is made, then the method gives up on the FE after about {@code connectTimeout}
 * (never the FE client's longer retry deadline, {@code min(2 x connectTimeout, 10 s)}) and throws
 * {@link RegistrationPendingException} saying what is left; once the FE is back, the next call or
 * the controller finishes the FE work. The bound is measured: the old behaviour retried for at
 * least {@code 2 x connectTimeout} and returned normally.
 */
class FrontendDownContractTest {
  private static final Duration CONNECT = Duration.ofSeconds(3);
  private static final Duration WAIT = Duration.ofSeconds(60);

  private Cluster c;
  private KubernetesClient timed;

  /** Client-side time spent in Kubernetes requests (the bound covers the FE, not Kubernetes). */
  private final AtomicLong kubeNanos = new AtomicLong();

  @BeforeEach
  void start() {
    c = Cluster.start();
    timed =
        new KubernetesClientBuilder()
            .withConfig(c.k8s.config())
            .withHttpClientFactory(new JdkHttpClientFactory())
            .withHttpClientBuilderConsumer(
                b ->
                    b.addOrReplaceInterceptor(
                        "timing",
                        new Interceptor() {
                          private final Map<String, Long> started = new ConcurrentHashMap<>();

                          @Override
                          public void before(
                              BasicBuilder builder, HttpRequest request, RequestTags tags) {
                            started.put(request.method() + " " + request.uri(), System.nanoTime());
                          }

                          @Override
                          public void after(
                              HttpRequest request,
                              HttpResponse<?> response,
                              AsyncBody.Consumer<List<ByteBuffer>> consumer) {
                            Long t0 = started.remove(request.method() + " " + request.uri());
                            if (t0 != null) {
                              kubeNanos.addAndGet(System.nanoTime() - t0);
                            }
                          }
                        }))
            .build();
  }

  @AfterEach
  void stop() {
    timed.close();
    c.close();
  }

  @Test
  void scaleOutAppliesAtOnceAndTheNextCallRegistersThePods() {
    try (ComputeNodeGroup g = deploy(1)) {
      RegistrationPendingException e;
      try (FakeFrontend.Outage down = c.fe.outage()) {
        e = boundedAndPending(() -> g.scale(3));
      }
      assertThat(e.group()).isEqualTo(Cluster.NS + "/g");
      assertThat(replicas()).as("the Kubernetes change stands").isEqualTo(3);

      g.awaitReady(WAIT);
      assertThat(c.feAddresses())
          .containsExactlyInAnyOrder(
              Cluster.fqdn("g", 0), Cluster.fqdn("g", 1), Cluster.fqdn("g", 2));
    }
  }

  @Test
  void scaleInSaysWhichNodesAreLeftToDropAndTheControllerDropsThem() {
    try (ComputeNodeGroup g = deploy(3)) {
      RegistrationPendingException e;
      try (FakeFrontend.Outage down = c.fe.outage()) {
        e = boundedAndPending(() -> g.scale(1));
        assertThat(e.toDrop())
            .as("the nodes of the removed pods, from the last listing")
            .containsExactlyInAnyOrder(Cluster.fqdn("g", 1), Cluster.fqdn("g", 2));
        assertThat(replicas()).isEqualTo(1);
        assertThat(c.feAddresses()).as("nothing dropped while the FE is down").hasSize(3);
      }
      try (ComputeNodeController controller =
          ComputeNodeController.builder(c.k8s.client())
              .namespace(Cluster.NS)
              .resyncPeriod(Duration.ofMillis(200))
              .credentialsResolver((credentials, ns) -> c.fe.frontend().credentials())
              .build()
              .start()) {
        await()
            .atMost(WAIT)
            .untilAsserted(() -> assertThat(c.feAddresses()).containsExactly(Cluster.fqdn("g", 0)));
      }
    }
  }

  @Test
  void upgradeUpdateConfigAndUpdateKeepTheContract() {
    try (ComputeNodeGroup g = deploy(1)) {
      try (FakeFrontend.Outage down = c.fe.outage()) {
        boundedAndPending(() -> g.upgrade("starrocks/cn-ubuntu:3.3.6"));
        boundedAndPending(() -> g.updateConfig(Map.of("sys_log_level", "WARN")));
        boundedAndPending(() -> g.update(s -> s.replicas(2)));
      }
      assertThat(g.spec().image()).contains("starrocks/cn-ubuntu:3.3.6");
      assertThat(g.spec().config()).containsEntry("sys_log_level", "WARN");
      assertThat(replicas()).isEqualTo(2);
      assertThat(g.awaitReady(WAIT).nodes()).hasSize(2).allMatch(n -> n.registered());
    }
  }

  @Test
  void scaleBetweenKeepsTheContract() {
    try (ComputeNodeGroup g =
        c.spec("g")
            .autoscale(Autoscaling.between(1, 3).onCpu(60))
            .registerWith(c.fe.frontend().connectTimeout(CONNECT))
            .deploy(timed, CredentialsResolver.literalOnly())) {
      g.awaitReady(WAIT);
      try (FakeFrontend.Outage down = c.fe.outage()) {
        boundedAndPending(() -> g.scaleBetween(2, 3));
      }
      assertThat(
              c.k8s
                  .client()
                  .autoscaling()
                  .v2()
                  .horizontalPodAutoscalers()
                  .inNamespace(Cluster.NS)
                  .withName(Names.autoscaler("g"))
                  .get()
                  .getSpec()
                  .getMinReplicas())
          .as("the Kubernetes change stands")
          .isEqualTo(2);
      await() // the session's breaker lets calls through again after its cool-down
          .atMost(WAIT)
          .untilAsserted(() -> assertThat(g.reconcile().degradedReason()).isEmpty());
    }
  }

  @Test
  void resumeKeepsTheContractAndSuspendStillFailsWithNodesNotReleased() {
    try (ComputeNodeGroup g = deploy(2)) {
      g.suspend();
      assertThat(c.feAddresses()).isEmpty();
      try (FakeFrontend.Outage down = c.fe.outage()) {
        boundedAndPending(g::resume);
      }
      assertThat(replicas()).isEqualTo(2);
      assertThat(g.awaitReady(WAIT).nodes()).hasSize(2).allMatch(n -> n.registered());
    }
  }

  /**
   * Campaign seeds {@code -2786073842791066462} and {@code 8197439862936546737} (DELETE_FAILED): a
   * delete right after an outage failed on the session breaker's stale error although the FE was
   * back. Handle methods try the FE themselves.
   */
  @Test
  void aCallRightAfterTheFeReturnsDoesNotWaitOutTheSessionsBreaker() {
    try (ComputeNodeGroup g = deploy(1)) {
      try (FakeFrontend.Outage down = c.fe.outage()) {
        boundedAndPending(() -> g.scale(2)); // trips the session's breaker (2 s cool-down)
      }
      g.delete(); // at once: the FE is back

      assertThat(c.feAddresses()).isEmpty();
    }
  }

  private ComputeNodeGroup deploy(int replicas) {
    ComputeNodeGroup g =
        c.spec("g")
            .replicas(replicas)
            .registerWith(c.fe.frontend().connectTimeout(CONNECT))
            .deploy(timed, CredentialsResolver.literalOnly());
    g.awaitReady(WAIT);
    return g;
  }

  /**
   * Runs the call with the FE down: it must throw {@link RegistrationPendingException} naming the
   * FE as the cause, sooner than the FE client's own retry deadline ({@code 2 x connectTimeout}).
   */
  private RegistrationPendingException boundedAndPending(ThrowingCallable call) {
    long kubeBefore = kubeNanos.get();
    long start = System.nanoTime();
    RegistrationPendingException e = catchThrowableOfType(RegistrationPendingException.class, call);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    Duration kube = Duration.ofNanos(kubeNanos.get() - kubeBefore);
    System.out.printf(
        "FE down: the call took %d ms, %d ms of it in Kubernetes requests (connectTimeout %d ms)%n",
        took.toMillis(), kube.toMillis(), CONNECT.toMillis());
    assertThat(e).as("the call reports the FE work it could not do").isNotNull();
    assertThat(e.getCause()).isNotNull();
    assertThat(e.getMessage()).contains("left to register").contains("left to drop");
    assertThat(took.minus(kube))
        .as(
            "gives up on the FE within about connectTimeout (%s); Kubernetes took %s",
            CONNECT, kube)
        .isLessThan(CONNECT.multipliedBy(2));
    return e;
  }

  private int replicas() {
    StatefulSet sts =
        c.k8s
            .client()
            .apps()
            .statefulSets()
            .inNamespace(Cluster.NS)
            .withName(Names.statefulSet("g"))
            .get();
    return sts.getSpec().getReplicas();
  }
}
