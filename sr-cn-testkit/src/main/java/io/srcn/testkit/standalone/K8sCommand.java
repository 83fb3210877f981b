package io.srcn.testkit.standalone;

import io.srcn.testkit.k8s.MockKubernetes;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code k8s}: runs a {@link MockKubernetes} (StatefulSet, pod and HPA simulators; the HPA syncs in
 * real time every 15 s) until terminated and writes a kubeconfig for kubectl. Stateless and
 * thread-safe.
 */
final class K8sCommand implements LauncherCommand {
  private static final Set<String> VALUES = Set.of("port", "kubeconfig");

  @Override
  public String name() {
    return "k8s";
  }

  @Override
  public String synopsis() {
    return "[--port N] [--kubeconfig PATH]";
  }

  @Override
  public String description() {
    return "a mock Kubernetes API server with StatefulSet, pod and HPA simulators; kubectl works with"
        + " the kubeconfig it writes (a temporary file unless --kubeconfig is given)";
  }

  @Override
  public AutoCloseable start(List<String> args, PrintStream out) throws Exception {
    Arguments a = Arguments.parse(args, VALUES, Set.of());
    MockKubernetes k8s = kubernetes(a.intValue("port", 0, 0, 65535)).start();
    KubeconfigFile kubeconfig;
    try {
      kubeconfig = KubeconfigFile.write(k8s, a.value("kubeconfig"));
    } catch (Exception e) {
      k8s.close();
      throw e;
    }
    out.println("READY kubeconfig=" + kubeconfig.path());
    out.flush();
    return () -> {
      try (kubeconfig) {
        k8s.close();
      }
    };
  }

  /** The standalone API server: HPA in real time, since nobody ticks a manual clock. */
  static MockKubernetes kubernetes(int port) {
    return MockKubernetes.builder().port(port).manualClock(false).build();
  }
}
