package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.junit.CnTestkit;
import io.srcn.testkit.k8s.MockKubernetes;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The IP-mode ledger on the mock API server (here, in the SDK's package, for its internals). */
@CnTestkit(namespaces = "ns")
class LedgerStoreTest {
  private static final HostPort A = HostPort.of("10.0.0.7", 9050);
  private static final Instant T0 = Instant.parse("2026-11-25T15:00:00Z");
  private MockKubernetes k8s;
  private KubernetesClient client;
  private LedgerStore ledger;

  @BeforeEach
  void start(MockKubernetes k8s) {
    this.k8s = k8s;
    client = k8s.client();
    ledger = new LedgerStore(client);
  }

  @Test
  void anEntryRecordedAgainSinceItWasReadIsNotForgotten() {
    ledger.record("ns", "g", Map.of(A, "g-cn-0"), T0);
    Map<HostPort, LedgerEntry> read = ledger.read("ns", "g");
    assertThat(read).containsEntry(A, new LedgerEntry("g-cn-0", T0));

    // another engine records the address again, about to add it
    ledger.record("ns", "g", Map.of(A, "g-cn-0"), T0.plusSeconds(5));
    ledger.forget("ns", "g", read);
    assertThat(ledger.read("ns", "g")).containsKey(A);

    ledger.forget("ns", "g", ledger.read("ns", "g"));
    assertThat(ledger.read("ns", "g")).isEmpty();
  }

  @Test
  void forgettingWithNoLedgerCreatesNone() {
    ledger.forget("ns", "g", Map.of(A, new LedgerEntry("g-cn-0", T0)));
    assertThat(client.configMaps().inNamespace("ns").withName("g-cn-ledger").get()).isNull();
  }
}
