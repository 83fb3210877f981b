package io.srcn.testkit.fe.internal.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.FeVersion;
import org.junit.jupiter.api.Test;

class AddressParserTest {
  private static final Profile LATEST = new Profile(FeVersion.LATEST, FeMode.FQDN, false, false);
  private static final Profile V33 = new Profile(FeVersion.V3_3, FeMode.FQDN, false, false);
  private static final Profile V30 = new Profile(FeVersion.V3_0, FeMode.FQDN, false, false);

  @Test
  void parsesHostsPortsAndBracketedIpv6() throws Exception {
    assertThat(AddressParser.parse(" cn-0.svc :\t9050 ", V33))
        .isEqualTo(new NodeAddress("cn-0.svc", 9050));
    assertThat(AddressParser.parse("[fe80::1]:9050", V30))
        .isEqualTo(new NodeAddress("fe80::1", 9050));
    assertThat(AddressParser.parse("[::1]:1", V33).toString()).isEqualTo("[::1]:1");
    assertThat(AddressParser.parse("10.0.0.1:65535", V33).port()).isEqualTo(65535);
  }

  @Test
  void unbracketedIpv6OnlyInTheNewestFe() throws Exception {
    assertThat(AddressParser.parse("::1:9050", LATEST)).isEqualTo(new NodeAddress("::1", 9050));
    assertThatThrownBy(() -> AddressParser.parse("::1:9050", V33))
        .hasMessage("Getting analyzing error. Detail message: Invalid host port: ::1:9050.");
  }

  @Test
  void badPortsPerProfile() {
    assertThatThrownBy(() -> AddressParser.parse("a:0", V33))
        .hasMessage(
            "Getting analyzing error. Detail message: Encounter unknown exception: Port is out of"
                + " range: 0.");
    assertThatThrownBy(() -> AddressParser.parse("a:abc", V33))
        .hasMessage(
            "Getting analyzing error. Detail message: Encounter unknown exception: For input string:"
                + " \"abc\".");
    assertThatThrownBy(() -> AddressParser.parse(":9050", V33))
        .hasMessage("Getting analyzing error. Detail message: Invalid host port: :9050.");
    assertThatThrownBy(() -> AddressParser.parse("a:abc", V30))
        .hasMessage("compute node host or port is wrong!");
  }
}
