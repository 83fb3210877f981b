package io.srcn.examples.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.fe.HostPort;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The quick-start on a real cluster and FE. There is no simulated load, so it makes the HPA scale
 * by moving the autoscaling bounds: {@code minReplicas} to {@link QuickStartGroup#PEAK} to scale
 * out, {@code maxReplicas} to 1 to scale in (an HPA enforces its bounds at once, whatever its
 * metrics say, so no metrics server is needed).
 *
 * <p>Thread-safe. Does not own the client: the caller closes it.
 */
public final class ClusterEnvironment implements QuickStartEnvironment {
  private final KubernetesClient kube;
  private final Frontend frontend;
  private final String cluster;

  /**
   * A real environment.
   *
   * @param kube a client of the cluster
   * @param frontend the FE, with literal credentials
   * @param cluster where the client points, for the header (e.g. the API server URL)
   */
  public ClusterEnvironment(KubernetesClient kube, Frontend frontend, String cluster) {
    this.kube = Objects.requireNonNull(kube, "kube");
    this.frontend = Objects.requireNonNull(frontend, "frontend");
    this.cluster = Objects.requireNonNull(cluster, "cluster");
  }

  @Override
  public List<String> description() {
    return List.of(
        "a real cluster and FE:",
        "  Kubernetes  " + cluster,
        "  FE          "
            + frontend.addresses().stream()
                .map(HostPort::toString)
                .collect(Collectors.joining(", "))
            + " as "
            + frontend.credentials().literalUser().orElse("?"),
        "  (no simulated load here: the quick-start moves the autoscaling bounds instead)");
  }

  @Override
  public KubernetesClient kube() {
    return kube;
  }

  @Override
  public Frontend frontend() {
    return frontend;
  }

  @Override
  public CredentialsResolver resolver() {
    CredentialsResolver secrets = CredentialsResolver.kubernetes(kube);
    return (credentials, namespace) ->
        credentials.isRedacted() ? frontend.credentials() : secrets.resolve(credentials, namespace);
  }

  @Override
  public boolean hasMetrics() {
    return false;
  }

  @Override
  public ScaleDriver scaleDriver(ComputeNodeGroup group, QuickStartSettings s) {
    return new ScaleDriver() {
      @Override
      public String scaleOutDescription() {
        return String.format(
            Locale.ROOT,
            "raising minReplicas to %d (autoscaling %d..%d): the HPA scales up to its new minimum",
            QuickStartGroup.PEAK,
            QuickStartGroup.PEAK,
            QuickStartGroup.MAX);
      }

      @Override
      public void scaleOut() {
        group.update(
            spec ->
                spec.autoscale(
                    QuickStartGroup.policy(s, QuickStartGroup.PEAK, QuickStartGroup.MAX)));
      }

      @Override
      public String scaleInDescription() {
        return "lowering maxReplicas to 1 (autoscaling 1..1): the HPA scales down to its new"
            + " maximum";
      }

      @Override
      public void scaleIn() {
        group.update(spec -> spec.autoscale(QuickStartGroup.policy(s, 1, 1)));
      }

      @Override
      public void close() {
        // nothing runs in the background
      }
    };
  }

  @Override
  public void close() {
    // the caller owns the client
  }
}
