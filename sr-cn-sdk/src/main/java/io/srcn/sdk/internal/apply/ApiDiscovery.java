package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.render.HpaVersion;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the HorizontalPodAutoscaler version by API discovery ({@code GET /apis/autoscaling}):
 * {@code v2} when served, else {@code v2beta2}, else none. Never by parsing the server version
 * string, which broke the official operator on GKE ({@code 27+}, operator issue #420). The answer
 * is cached in this instance, which its {@link GroupApplier} (one per session) owns: one request
 * per session, and no process-wide state.
 *
 * <p>Thread-safe.
 */
final class ApiDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger(ApiDiscovery.class);
  private final KubernetesClient client;
  private volatile Optional<HpaVersion> cached;

  ApiDiscovery(KubernetesClient client) {
    this.client = client;
  }

  /**
   * The HPA version the cluster serves, or empty when it serves neither v2 nor v2beta2. Two threads
   * asking first may both discover; the answers are the same.
   */
  Optional<HpaVersion> hpaVersion() {
    Optional<HpaVersion> known = cached;
    if (known != null) {
      return known;
    }
    Optional<HpaVersion> found = discover(client);
    cached = found;
    LOG.debug("HPA API version by discovery: {}", found.map(HpaVersion::apiVersion).orElse("none"));
    return found;
  }

  private static Optional<HpaVersion> discover(KubernetesClient client) {
    ResourceRef ref = new ResourceRef("APIGroup", "", "apis/autoscaling", "", "autoscaling");
    APIGroup group =
        KubeErrors.call("discover", ref, List.of("get"), () -> client.getApiGroup("autoscaling"));
    Set<String> versions =
        group == null || group.getVersions() == null
            ? Set.of()
            : group.getVersions().stream()
                .map(GroupVersionForDiscovery::getGroupVersion)
                .collect(Collectors.toSet());
    for (HpaVersion v : HpaVersion.values()) {
      if (versions.contains(v.apiVersion())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
