package io.srcn.sdk.internal.check;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.PreflightReport;
import java.util.ArrayList;
import java.util.List;

/**
 * The preflight behind {@code ComputeNodeGroups.check}: read-only checks of the Kubernetes API, the
 * namespace, the permissions of {@code requiredRole} (one SelfSubjectAccessReview each), the HPA
 * API and, for CPU/memory autoscaling, the metrics API; the FE credentials, each FE address
 * (reachable, login, NODE privilege, version, host mode and what AUTO will use, the warehouse
 * against the FE version and whether the FE has it); and the image's CN version against the
 * graceful preStop. Nothing is created or changed (the FE probes are DROPs of an address no node
 * has, see {@link FeChecks}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Preflight {
  private Preflight() {}

  /** Runs every check; never throws for what it finds. */
  public static PreflightReport run(
      KubernetesClient kube, ComputeNodeGroupSpec spec, CredentialsResolver resolver) {
    List<PreflightCheck> out = new ArrayList<>();
    if (KubeChecks.api(kube, out)) {
      KubeChecks.namespace(kube, spec.namespace(), out);
      out.add(AccessCheck.run(kube, spec.namespace()));
      spec.autoscaling().ifPresent(a -> KubeChecks.autoscaling(kube, a, out));
    }
    spec.frontend().ifPresent(fe -> FeChecks.run(fe, spec, resolver, out));
    spec.image().ifPresent(i -> out.add(ImageCheck.run(i)));
    return new PreflightReport(out);
  }
}
