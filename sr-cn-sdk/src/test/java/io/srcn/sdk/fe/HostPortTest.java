package io.srcn.sdk.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
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

  // the patterns HostPort used before its hand-written scans (issue 19): the oracle they must match
  private static final Pattern OLD_DNS_LABEL =
      Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
  private static final Pattern OLD_IPV4_SHAPE = Pattern.compile("[0-9]+(\\.[0-9]+){3}");

  private static boolean oldAccepts(String host) {
    if (host.isEmpty() || host.length() > 253) {
      return false;
    }
    if (OLD_IPV4_SHAPE.matcher(host).matches()) {
      for (String octet : host.split("\\.", -1)) {
        if (octet.length() > 3
            || (octet.length() > 1 && octet.charAt(0) == '0')
            || Integer.parseInt(octet) > 255) {
          return false;
        }
      }
      return true;
    }
    for (String label : host.split("\\.", -1)) {
      if (!OLD_DNS_LABEL.matcher(label).matches()) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(String host) {
    try {
      HostPort.of(host, 9050);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Test
  void namesAndIpv4AreJudgedAsTheRegularExpressionsDid() {
    Random random = new Random(19);
    String alphabet = "aZz09.5-._\u00e9 ";
    for (int i = 0; i < 200_000; i++) {
      StringBuilder host = new StringBuilder();
      int len = random.nextInt(i % 100 == 0 ? 260 : 20);
      for (int j = 0; j < len; j++) {
        host.append(
            random.nextInt(10) != 0 && i % 100 == 0
                ? 'a'
                : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String h = host.toString();
      boolean ok = accepts(h);
      assertThat(ok).as("'%s'", h).isEqualTo(oldAccepts(h));
      if (ok) {
        assertThat(HostPort.of(h, 9050).isIpAddress())
            .as("'%s'", h)
            .isEqualTo(OLD_IPV4_SHAPE.matcher(h).matches());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a",
        "a-b",
        "-a",
        "a-",
        "a..b",
        ".a",
        "a.",
        "1.2.3",
        "1.2.3.4.5",
        "1.2.3.",
        "g9999-cn-2.g9999-cn-search.bench.svc.cluster.local",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.b"
      })
  void edgeCasesAreJudgedAsTheRegularExpressionsDid(String host) {
    assertThat(accepts(host)).isEqualTo(oldAccepts(host));
  }
}
