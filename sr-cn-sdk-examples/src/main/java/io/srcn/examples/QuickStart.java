package io.srcn.examples;

import io.srcn.examples.cli.Srcn;

/**
 * The quick-start: {@code srcn quickstart} as a main program. With no arguments it runs on the
 * embedded testkit (a fake FE and a mock Kubernetes API server in this process, bridged; the HPA
 * simulator in real time): it deploys the seed's autoscaling group (1..10 pods on CPU 60 % and
 * memory 30 %, one pod per period; scale-down enabled here), raises a simulated CPU load so the HPA
 * scales 1 -> 4 while the pods register with the FE, lowers it so the HPA scales back to 1 while
 * the removed pods' nodes are dropped, deletes the group and prints the final status. It exits 0.
 *
 * <pre>
 * java -cp ... io.srcn.examples.QuickStart                      # embedded testkit
 * SRCN_FE_PASSWORD=... java -cp ... io.srcn.examples.QuickStart \
 *     --kubeconfig ~/.kube/config -n starrocks --fe fe-0.fe-search.starrocks.svc:9030
 * </pre>
 *
 * <p>On a real cluster there is no simulated load: it scales out by raising {@code minReplicas} to
 * 4 and in by lowering {@code maxReplicas} to 1 (an HPA enforces its bounds at once). Every option:
 * {@code srcn quickstart --help}.
 *
 * <p>A main program (stateless); not meant to be instantiated.
 */
public final class QuickStart {
  private QuickStart() {}

  /** Runs the quick-start; exits with 0 on success, 1 on failure, 2 on bad usage. */
  public static void main(String[] args) {
    String[] all = new String[args.length + 1];
    all[0] = "quickstart";
    System.arraycopy(args, 0, all, 1, args.length);
    Srcn.main(all);
  }
}
