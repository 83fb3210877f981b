package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.HostPort;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerCodecTest {
  @Test
  void roundTripsIpv4AndIpv6Addresses() {
    Map<HostPort, String> ledger = new LinkedHashMap<>();
    ledger.put(HostPort.of("10.0.0.7", 9050), "g-cn-0");
    ledger.put(HostPort.of("fd00::7", 9050), "g-cn-1");
    ledger.put(HostPort.of("2001:db8::1:2", 19050), "g-cn-2");
    Map<String, String> data = LedgerCodec.encode(ledger);
    assertThat(data).containsKeys("10.0.0.7_9050", "fd00__7_9050", "2001_db8__1_2_19050");
    assertThat(LedgerCodec.decode(data)).isEqualTo(ledger);
  }

  @Test
  void ignoresKeysThatAreNotAddresses() {
    assertThat(LedgerCodec.decode(Map.of("note", "x", "10.0.0.1_99999", "y", "_9050", "z")))
        .isEmpty();
  }
}
