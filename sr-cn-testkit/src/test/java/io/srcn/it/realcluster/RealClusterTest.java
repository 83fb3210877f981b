package io.srcn.it.realcluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Opt-in: runs the group lifecycle against a real cluster and a real StarRocks FE. Enabled only
 * when {@code KUBECONFIG} and {@code SRCN_FE} ({@code host:port} of the FE's query port, reachable
 * from here; the FE must run in FQDN mode and reach the pods) are set. Optional: {@code
 * SRCN_NAMESPACE} (default {@code srcn-it}, must exist), {@code SRCN_FE_USER} (default root),
 * {@code SRCN_FE_PASSWORD}, {@code SRCN_IMAGE} (default {@code starrocks/cn-ubuntu:3.3.5}).
 */
@EnabledIfEnvironmentVariable(named = "KUBECONFIG", matches = ".+")
@EnabledIfEnvironmentVariable(named = "SRCN_FE", matches = ".+")
class RealClusterTest {
  private static String env(String name, String fallback) {
    return Optional.ofNullable(System.getenv(name)).filter(s -> !s.isEmpty()).orElse(fallback);
  }

  @Test
  void deployScaleAndDeleteAgainstARealClusterAndFe() throws Exception {
    String kubeconfig = Files.readString(Path.of(System.getenv("KUBECONFIG").split(":")[0]));
    try (KubernetesClient kube =
        new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig)).build()) {
      Frontend fe =
          Frontend.at(System.getenv("SRCN_FE"))
              .credentials(
                  Credentials.of(env("SRCN_FE_USER", "root"), env("SRCN_FE_PASSWORD", "")));
      try (ComputeNodeGroup g =
          ComputeNodeGroups.create("srcn-it")
              .inNamespace(env("SRCN_NAMESPACE", "srcn-it"))
              .image(env("SRCN_IMAGE", "starrocks/cn-ubuntu:3.3.5"))
              .replicas(1)
              .registerWith(fe)
              .deploy(kube, (credentials, namespace) -> credentials)) {
        try {
          GroupStatus ready = g.awaitReady(Duration.ofMinutes(10));
          assertThat(ready.nodes()).allMatch(n -> n.registered() && n.alive().orElse(false));
          g.scale(2);
          assertThat(g.awaitReady(Duration.ofMinutes(10)).readyReplicas()).isEqualTo(2);
          g.scale(1);
          assertThat(g.awaitReady(Duration.ofMinutes(10)).ghosts()).isEmpty();
        } finally {
          g.delete();
        }
      }
    }
  }
}
