package io.srcn.testkit.standalone;

import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FakeFrontendBuilder;
import io.srcn.testkit.k8s.MockKubernetes;
import java.io.PrintStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code sandbox}: a fake FE and a mock Kubernetes API server bridged together (a registered pod's
 * node is alive exactly while the pod is Ready), until terminated. Takes every {@code fe} option
 * plus {@code --kubeconfig PATH}, {@code --k8s-port N} and {@code --namespaces NS[,NS...]} (the API
 * server refuses objects in a namespace that does not exist, as a real one does: create them here
 * or with kubectl). Stateless and thread-safe.
 */
final class SandboxCommand implements LauncherCommand {
  private static final Set<String> VALUES = values();

  private static Set<String> values() {
    Set<String> v = new HashSet<>(FeCommand.VALUES);
    v.add("kubeconfig");
    v.add("k8s-port");
    v.add("namespaces");
    return Set.copyOf(v);
  }

  @Override
  public String name() {
    return "sandbox";
  }

  @Override
  public String synopsis() {
    return "[--kubeconfig PATH] [--k8s-port N] [--namespaces NS[,NS...]] [any fe option,"
        + " --admin-port N included]";
  }

  @Override
  public String description() {
    return "a fake FE and a mock Kubernetes API server, bridged: the FE's nodes follow the pods";
  }

  @Override
  public String help() {
    return LauncherCommand.super.help()
        + "  --kubeconfig PATH    where to write the kubeconfig (default: a temporary file)\n"
        + "  --k8s-port N         the API server's port on 127.0.0.1 (0, the default: a free port)\n"
        + "  --namespaces NS,...  namespaces to create at start (objects need an existing one)\n"
        + FeCommand.OPTIONS
        + "  GET /k8s/requests, DELETE /k8s/requests, GET /k8s/pods[?namespace=NS]\n";
  }

  @Override
  public AutoCloseable start(List<String> args, PrintStream out) throws Exception {
    Arguments a = Arguments.parse(args, VALUES, FeCommand.FLAGS);
    FakeFrontendBuilder feBuilder = FeCommand.builder(a);
    java.util.OptionalInt adminPort = FeCommand.adminPort(a);
    int k8sPort = a.intValue("k8s-port", 0, 0, 65535);
    int fePort = a.intValue("port", 0, 0, 65535);
    if (k8sPort != 0
        && (k8sPort == fePort || (adminPort.isPresent() && adminPort.getAsInt() == k8sPort))) {
      throw new UsageException(
          "option --k8s-port must differ from --port and --admin-port, was " + k8sPort);
    }
    MockKubernetes k8s = K8sCommand.kubernetes(k8sPort, K8sCommand.namespaces(a)).start();
    FakeFrontend fe = null;
    KubeconfigFile kubeconfig = null;
    AdminServer admin = null;
    try {
      fe = feBuilder.reachability(k8s.reachability()).resolver(k8s.dnsResolver()).build().start();
      kubeconfig = KubeconfigFile.write(k8s, a.value("kubeconfig"));
      if (adminPort.isPresent()) {
        admin = AdminServer.start(fe, new KubernetesAdmin(k8s), adminPort.getAsInt());
      }
    } catch (Exception e) {
      if (fe != null) {
        fe.close();
      }
      if (kubeconfig != null) {
        kubeconfig.close();
      }
      k8s.close();
      throw e;
    }
    out.println(
        "READY fe="
            + fe.address()
            + " kubeconfig="
            + kubeconfig.path()
            + (admin == null ? "" : " admin=" + admin.address()));
    out.flush();
    FakeFrontend startedFe = fe;
    KubeconfigFile file = kubeconfig;
    AdminServer startedAdmin = admin;
    return () -> {
      try (file;
          k8s) {
        if (startedAdmin != null) {
          startedAdmin.close();
        }
        startedFe.close();
      }
    };
  }
}
