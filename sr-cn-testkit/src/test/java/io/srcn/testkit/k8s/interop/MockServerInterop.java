package io.srcn.testkit.k8s.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.k8s.MockKubernetes;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The setup the interop tests share: one mock API server per test, with the default settings, and a
 * kubeconfig for it that kubectl and the Python client read. A subclass's own {@code @BeforeEach}
 * runs after this one, with {@link #k8s} started.
 */
abstract class MockServerInterop {
  @TempDir Path dir;

  /** The server of the running test. */
  MockKubernetes k8s;

  /** A kubeconfig pointing at {@link #k8s}. */
  Path kubeconfig;

  @BeforeEach
  final void startMockServer() {
    k8s = MockKubernetes.create().start();
    kubeconfig = k8s.writeKubeconfig(dir.resolve("kubeconfig.yaml"));
  }

  @AfterEach
  final void stopMockServer() {
    k8s.stop();
  }

  /** Runs kubectl against {@link #k8s}, asserts it succeeded and returns its output. */
  String kubectl(String... args) throws Exception {
    Clients.Result r = Clients.run(Clients.kubectl(kubeconfig, args));
    assertThat(r.exit()).as(r.output()).isZero();
    return r.output();
  }
}
