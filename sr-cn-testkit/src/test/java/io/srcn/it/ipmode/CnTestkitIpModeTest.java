package io.srcn.it.ipmode;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.GroupStatus;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.junit.CnTestkit;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code @CnTestkit(feMode = IP)}: an IP-mode FE with DNS bridged to the mock pods' IPs. */
@CnTestkit(feMode = FeMode.IP, namespaces = "ns")
class CnTestkitIpModeTest {
  @Test
  void theDefaultSpecRegistersPodIpsOnAnIpModeFe(
      FakeFrontend fe, KubernetesClient client, Frontend frontend) {
    try (ComputeNodeGroup g =
        ComputeNodeGroups.create("g")
            .inNamespace("ns")
            .image("starrocks/cn-ubuntu:3.3.5")
            .replicas(1)
            .registerWith(frontend)
            .deploy(client, CredentialsResolver.literalOnly())) {
      GroupStatus status = g.awaitReady(Duration.ofSeconds(30));
      assertThat(status.addressModeInUse()).contains(AddressMode.POD_IP);
      String ip = client.pods().inNamespace("ns").withName("g-cn-0").get().getStatus().getPodIP();
      assertThat(fe.computeNodes())
          .extracting(FakeComputeNode::address)
          .containsExactly(ip + ":9050");
      g.delete();
      assertThat(fe.computeNodes()).isEmpty();
    }
  }
}
