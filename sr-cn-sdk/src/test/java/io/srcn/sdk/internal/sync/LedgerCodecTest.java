package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.HostPort;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LedgerCodecTest {
  private static final Instant T = Instant.parse("2026-11-25T15:31:22.123Z");

  @Test
  void roundTripsIpv4AndIpv6AddressesWithTheirPodAndTime() {
    Map<HostPort, LedgerEntry> ledger = new LinkedHashMap<>();
    ledger.put(HostPort.of("10.0.0.7", 9050), new LedgerEntry("g-cn-0", T));
    ledger.put(HostPort.of("fd00::7", 9050), new LedgerEntry("g-cn-1", T.plusSeconds(1)));
    ledger.put(HostPort.of("2001:db8::1:2", 19050), new LedgerEntry("g-cn-2", Instant.EPOCH));
    Map<String, String> data = LedgerCodec.encode(ledger);
    assertThat(data).containsKeys("10.0.0.7_9050", "fd00__7_9050", "2001_db8__1_2_19050");
    assertThat(data).containsEntry("10.0.0.7_9050", "g-cn-0@" + T.toEpochMilli());
    assertThat(LedgerCodec.decode(data)).isEqualTo(ledger);
  }

  @Test
  void aValueWithoutATimeReadsAsRecordedAtTheEpoch() {
    assertThat(LedgerCodec.decode(Map.of("10.0.0.7_9050", "g-cn-0", "10.0.0.8_9050", "g-cn-1@x")))
        .containsEntry(HostPort.of("10.0.0.7", 9050), new LedgerEntry("g-cn-0", Instant.EPOCH))
        .containsEntry(HostPort.of("10.0.0.8", 9050), new LedgerEntry("g-cn-1@x", Instant.EPOCH));
  }

  @Test
  void ignoresKeysThatAreNotAddresses() {
    assertThat(LedgerCodec.decode(Map.of("note", "x", "10.0.0.1_99999", "y", "_9050", "z")))
        .isEmpty();
  }
}
