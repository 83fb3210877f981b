package io.srcn.it.check;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.PreflightCheck.Result;
import io.srcn.sdk.PreflightReport;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.junit.CnTestkit;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14, section 4 (partial): the preflight's Java API on the testkit. */
@CnTestkit
class PreflightTest {
  private static ComputeNodeGroupSpec spec(Frontend fe, String image) {
    return ComputeNodeGroups.create("g")
        .inNamespace("ns")
        .image(image)
        .replicas(1)
        .registerWith(fe);
  }

  @Test
  void everyCheckPassesOnTheTestkit(KubernetesClient client, Frontend fe) {
    client
        .namespaces()
        .resource(new NamespaceBuilder().withNewMetadata().withName("ns").endMetadata().build())
        .create();

    PreflightReport report =
        ComputeNodeGroups.check(
            client, spec(fe, "starrocks/cn-ubuntu:3.5.2"), CredentialsResolver.literalOnly());

    assertThat(report.checks()).extracting(PreflightCheck::result).containsOnly(Result.PASS);
    assertThat(report.passed()).isTrue();
    assertThat(report.toText())
        .contains("PASS kubernetes-api")
        .contains("PASS namespace: ns exists")
        .contains("login works, StarRocks 3.3.5")
        .contains("FQDN mode")
        .contains("AUTO will register pod names");
  }

  @Test
  void whatCannotWorkFailsWithAFix(KubernetesClient client, Frontend fe) {
    Frontend unreachable =
        Frontend.at(List.of(HostPort.of("127.0.0.1", 1)))
            .credentials(fe.credentials())
            .connectTimeout(Duration.ofMillis(200));

    PreflightReport report =
        ComputeNodeGroups.check(
            client,
            spec(unreachable, "starrocks/cn-ubuntu:3.3.5").warehouse("wh_etl"),
            CredentialsResolver.literalOnly());

    assertThat(report.passed()).isFalse();
    assertThat(report.checks())
        .filteredOn(c -> c.name().equals("namespace"))
        .singleElement()
        .satisfies(c -> assertThat(c.fix()).contains("kubectl create namespace ns"));
    assertThat(report.checks())
        .filteredOn(c -> c.name().equals("fe 127.0.0.1:1"))
        .singleElement()
        .satisfies(c -> assertThat(c.result()).isEqualTo(Result.FAIL));
    assertThat(report.checks())
        .filteredOn(c -> c.name().equals("image-version"))
        .singleElement()
        .satisfies(c -> assertThat(c.result()).isEqualTo(Result.WARN));
  }
}
