package io.srcn.sdk.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Host validation without Guava: IPv4 octets by hand, IPv6 literals by the JDK, no lookups. */
class HostPortTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "10.0.0.1",
        "0.0.0.0",
        "255.255.255.255",
        "::1",
        "::",
        "fe80::1",
        "2001:db8:0:0:0:0:2:1",
        "::ffff:10.1.2.3",
        "fe-0.fe-search.starrocks.svc",
        "localhost"
      })
  void acceptsAddressesAndNames(String host) {
    assertThat(HostPort.of(host, 9050).host()).isEqualTo(host);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "256.0.0.1",
        "1.2.3.999",
        "01.2.3.4",
        "1.2.3.0400",
        "1:2:3:4:5:6:7:8:9",
        "1::2::3",
        "12345::1",
        ":::",
        "fe80::g",
        "a'b",
        "x;DROP"
      })
  void rejectsMalformedAddressesNamingThem(String host) {
    assertThatThrownBy(() -> HostPort.of(host, 9050))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid host '" + host + "'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.0.1", "::1", "2001:db8::7"})
  void ipAddressesAreRecognised(String host) {
    assertThat(HostPort.of(host, 9050).isIpAddress()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"cn-0.cn-search.ns.svc", "localhost", "10.0.0.1.example"})
  void dnsNamesAreNotIpAddresses(String host) {
    assertThat(HostPort.of(host, 9050).isIpAddress()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"[::1]:9030", "[2001:db8::7]:9030"})
  void parsesBracketedIpv6(String input) {
    assertThat(HostPort.parse(input).toString()).isEqualTo(input);
  }
}
