package io.srcn.sdk;

import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.internal.spec.SpecDraft;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a spec from a {@link SpecDraft} in one builder pass, so that the problems found while
 * reading and the spec's own rules are reported together in one {@link InvalidSpecException}.
 *
 * <p>Stateless and thread-safe.
 */
final class SpecAssembly {
  /** Stands in for a missing name so that the other rules can still be checked. */
  private static final String PLACEHOLDER_NAME = "unnamed";

  private SpecAssembly() {}

  static ComputeNodeGroupSpec build(SpecDraft d) {
    List<Violation> found = new ArrayList<>(d.readingProblems());
    ComputeNodeGroupSpec spec = null;
    try {
      spec = builder(d).build();
    } catch (InvalidSpecException e) {
      e.violations().forEach(v -> found.add(d.specViolation(v)));
    }
    if (!found.isEmpty()) {
      throw new InvalidSpecException(found);
    }
    return spec;
  }

  private static ImmutableComputeNodeGroupSpec.Builder builder(SpecDraft d) {
    ImmutableComputeNodeGroupSpec.Builder b =
        ImmutableComputeNodeGroupSpec.builder()
            .name(d.name == null ? PLACEHOLDER_NAME : d.name)
            .image(d.image)
            .autoscaling(d.autoscaling)
            .frontend(d.frontend)
            .config(d.config)
            .env(d.env)
            .nodeSelector(d.nodeSelector)
            .tolerations(d.tolerations)
            .affinity(d.affinity)
            .topologySpreadConstraints(d.topologySpreadConstraints)
            .podLabels(d.podLabels)
            .podAnnotations(d.podAnnotations)
            .imagePullSecrets(d.imagePullSecrets)
            .serviceAccount(d.serviceAccount)
            .securityContext(d.securityContext)
            .imagePullPolicy(d.imagePullPolicy)
            .storage(d.storage)
            .warehouse(d.warehouse)
            .command(d.command)
            .args(d.args)
            .cnVersion(java.util.Optional.ofNullable(d.cnVersion))
            .configFiles(d.configFiles);
    if (d.logs != null) {
      b.logs(d.logs);
    }
    if (d.namespace != null) {
      b.namespace(d.namespace);
    }
    if (d.replicas != null) {
      b.replicas(d.replicas);
    }
    if (d.resources != null) {
      b.resources(d.resources);
    }
    if (d.ports != null) {
      b.ports(d.ports);
    }
    if (d.probes != null) {
      b.probes(d.probes);
    }
    if (d.terminationGracePeriod != null) {
      b.terminationGracePeriod(d.terminationGracePeriod);
    }
    if (d.clusterDomain != null) {
      b.clusterDomain(d.clusterDomain);
    }
    if (d.addressMode != null) {
      b.addressMode(d.addressMode);
    }
    return b;
  }
}
