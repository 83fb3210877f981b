package io.srcn.it.readme;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.it.support.Cluster;
import io.srcn.it.support.ItCluster;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.Resources;
import io.srcn.sdk.ScalingRule;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.k8s.MockKubernetes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs the README's usage example on the testkit, and checks that the README shows exactly the code
 * between the markers below, so the example can neither stop compiling nor stop working.
 */
@ItCluster
class ReadmeUsageTest {
  private static final Path SOURCE =
      Path.of("src/test/java/io/srcn/it/readme/ReadmeUsageTest.java");
  private static final Path README = Path.of("../README.md");

  @Test
  void readmeExampleDeploysARegisteredGroup(FakeFrontend server, MockKubernetes k8s) {
    try (Cluster c = new Cluster(server, k8s)) {
      KubernetesClient kube = c.k8s.client();
      kube.resource(feAccountSecret(c)).inNamespace("starrocks").create();
      Frontend fe =
          Frontend.at(c.fe.address().toString()).credentials(Credentials.fromSecret("fe-account"));
      GroupStatus status = usage(kube, fe);
      assertThat(status.isReady()).isTrue();
      assertThat(c.feAddresses()).containsExactly(Cluster.fqdn("analytics", 0));
    }
  }

  @Test
  void readmeShowsThisExampleVerbatim() throws IOException {
    String readme = Files.readString(README);
    assertThat(readme).contains(region());
  }

  private static GroupStatus usage(KubernetesClient kube, Frontend fe) {
    // README:begin
    ComputeNodeClient cn = ComputeNodeClient.create(kube); // one per process; close it on shutdown

    ComputeNodeGroup analytics =
        cn.deploy(
            ComputeNodeGroups.create("analytics")
                .inNamespace("starrocks")
                .image("starrocks/cn-ubuntu:3.3.5")
                .resources(Resources.requests("4", "16Gi").limits("8", "16Gi"))
                .config("sys_log_level", "INFO")
                .autoscale(
                    Autoscaling.between(1, 10)
                        .onCpu(60)
                        .onMemory(30)
                        .scaleUp(ScalingRule.pods(1).every(Duration.ofSeconds(10)))
                        .scaleDownDisabled())
                .registerWith(fe)); // apply the objects, register Ready pods

    GroupStatus status = analytics.awaitReady(Duration.ofMinutes(5));
    System.out.println(status.toTable()); // pods, HPA, FE registration, conditions
    // README:end
    cn.close();
    return status;
  }

  /** The marked lines, without their common indentation. */
  private static String region() throws IOException {
    String source = Files.readString(SOURCE);
    String body =
        source.substring(
            source.indexOf("// README:begin\n") + "// README:begin\n".length(),
            source.indexOf("    // README:end"));
    return Arrays.stream(body.split("\n", -1))
        .map(line -> line.length() >= 4 ? line.substring(4) : line.strip())
        .collect(Collectors.joining("\n"))
        .strip();
  }

  private static io.fabric8.kubernetes.api.model.Secret feAccountSecret(Cluster c) {
    Credentials root = c.fe.frontend().credentials();
    return new SecretBuilder()
        .withNewMetadata()
        .withName("fe-account")
        .endMetadata()
        .withStringData(
            Map.of(
                "FE_USR", root.literalUser().orElseThrow(),
                "FE_PWD", root.literalPassword().orElseThrow()))
        .build();
  }
}
