package io.srcn.testkit.standalone;

import io.srcn.testkit.k8s.MockKubernetes;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * {@code k8s}: runs a {@link MockKubernetes} (StatefulSet, pod and HPA simulators; the HPA syncs in
 * real time every 15 s) until terminated and writes a kubeconfig for kubectl. Like a real API
 * server it refuses objects in a namespace that does not exist: create namespaces with kubectl or
 * list them in {@code --namespaces}. Stateless and thread-safe.
 */
final class K8sCommand implements LauncherCommand {
  private static final Set<String> VALUES = Set.of("port", "kubeconfig", "namespaces");

  @Override
  public String name() {
    return "k8s";
  }

  @Override
  public String synopsis() {
    return "[--port N] [--kubeconfig PATH] [--namespaces NS[,NS...]]";
  }

  @Override
  public String description() {
    return "a mock Kubernetes API server with StatefulSet, pod and HPA simulators; kubectl works with"
        + " the kubeconfig it writes (a temporary file unless --kubeconfig is given); objects need"
        + " an existing namespace: --namespaces creates some at start";
  }

  @Override
  public AutoCloseable start(List<String> args, PrintStream out) throws Exception {
    Arguments a = Arguments.parse(args, VALUES, Set.of());
    MockKubernetes k8s = kubernetes(a.intValue("port", 0, 0, 65535), namespaces(a)).start();
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

  /**
   * The standalone API server: HPA in real time, since nobody ticks a manual clock; namespaces
   * required, as on a real cluster, with {@code namespaces} created at start.
   */
  static MockKubernetes kubernetes(int port, List<String> namespaces) {
    return MockKubernetes.builder()
        .port(port)
        .manualClock(false)
        .namespaces(namespaces.toArray(String[]::new))
        .build();
  }

  /**
   * The namespaces of {@code --namespaces a,b} (none when absent).
   *
   * @throws UsageException when a name is not a DNS-1123 label
   */
  static List<String> namespaces(Arguments a) throws UsageException {
    List<String> names =
        a.value("namespaces").stream()
            .flatMap(v -> Arrays.stream(v.split(",", -1)))
            .map(String::trim)
            .toList();
    for (String n : names) {
      if (n.length() > 63 || !n.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
        throw new UsageException(
            "option --namespaces: '" + n + "' is not a valid namespace name (a DNS-1123 label)");
      }
    }
    return names;
  }
}
