package io.srcn.it.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FakeFrontendBuilder;
import io.srcn.testkit.fe.FeMode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** IPv6, IP mode, small batches and concurrent callers, on the fake FE. */
class FrontendClientAddressingTest {
  private static FakeFrontendBuilder quiet() {
    return FakeFrontend.builder().heartbeatInterval(Duration.ofHours(1));
  }

  @Test
  void ipv6AddressesRoundTrip() {
    HostPort v6 = HostPort.parse("[fd00::7]:9050");
    try (FakeFrontend fe = quiet().build().start();
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      assertThat(client.add(List.of(v6)).added()).containsExactly(v6);

      ComputeNode listed = client.computeNodes().get(0);
      assertThat(listed.host()).isEqualTo("fd00::7");
      assertThat(listed.address()).isEqualTo(v6);
      assertThat(client.add(List.of(v6)).alreadyPresent()).containsExactly(v6);
      assertThat(client.drop(List.of(v6)).dropped()).containsExactly(v6);
    }
  }

  @Test
  void inIpModeNodesAreRegisteredByIp() {
    Map<String, String> dns = Map.of("g-cn-0.g-cn-search.ns.svc.cluster.local", "10.1.0.5");
    try (FakeFrontend fe =
            quiet().mode(FeMode.IP).resolver(h -> Optional.ofNullable(dns.get(h))).build().start();
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      HostPort ip = HostPort.of("10.1.0.5", 9050);
      assertThat(client.add(List.of(ip)).added()).containsExactly(ip);
      assertThat(client.add(List.of(ip)).alreadyPresent()).containsExactly(ip);

      // a DNS name resolves to the registered IP: the FE says "exists" but never lists the name
      HostPort name = HostPort.of("g-cn-0.g-cn-search.ns.svc.cluster.local", 9050);
      assertThatThrownBy(() -> client.add(List.of(name)))
          .isInstanceOf(FrontendException.class)
          .hasMessageContaining("register such nodes by IP");
      assertThat(client.drop(List.of(ip)).dropped()).containsExactly(ip);
    }
  }

  @Test
  void smallBatchesSplitOneRegistration() {
    try (FakeFrontend fe = quiet().build().start();
        FrontendClient client = FrontendClient.builder(fe.frontend()).batchSize(4).build()) {
      List<HostPort> nodes =
          IntStream.range(0, 10).mapToObj(i -> HostPort.of("10.2.0." + i, 9050)).toList();
      client.computeNodes();
      fe.clearStatements();

      assertThat(client.add(nodes).added()).containsExactlyElementsOf(nodes);
      assertThat(FeStatements.count(fe, "ALTER SYSTEM ADD")).isEqualTo(3);
      assertThat(client.drop(nodes).dropped()).containsExactlyElementsOf(nodes);
      assertThat(FeStatements.count(fe, "ALTER SYSTEM DROP")).isEqualTo(3);
    }
  }

  @Test
  void concurrentCallersShareOneConnection() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (FakeFrontend fe = quiet().build().start();
        FrontendClient client = FrontendClient.create(fe.frontend())) {
      List<CompletableFuture<Integer>> calls =
          IntStream.range(0, 4)
              .mapToObj(
                  t ->
                      CompletableFuture.supplyAsync(
                          () -> {
                            int added = 0;
                            for (int i = 0; i < 10; i++) {
                              HostPort n = HostPort.of("10.3." + t + "." + i, 9050);
                              added += client.add(List.of(n)).added().size();
                              client.computeNodes();
                            }
                            return added;
                          },
                          pool))
              .toList();

      int total = 0;
      for (CompletableFuture<Integer> c : calls) {
        total += c.get();
      }
      assertThat(total).isEqualTo(40);
      assertThat(fe.computeNodes()).hasSize(40);
      assertThat(fe.statements())
          .extracting(s -> s.connectionId())
          .containsOnly(fe.statements().get(0).connectionId());
    } finally {
      pool.shutdownNow();
    }
  }
}
