package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Packet-level behaviour a driver does not easily show: commands, SSLRequest, auth plugins. */
class RawProtocolTest {
  private FakeFrontend fe;

  @BeforeEach
  void start() {
    fe =
        FakeFrontend.builder()
            .rootPassword("pw")
            .heartbeatInterval(Duration.ofHours(1))
            .build()
            .start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  @Test
  void greetingCarriesVersionAndA7BitScramble() throws Exception {
    try (RawClient c = RawClient.open(fe).greeting()) {
      assertThat(c.serverVersion).isEqualTo("8.0.33");
      for (byte b : c.scramble) {
        assertThat((char) b).isBetween('A', 'z').matches(Character::isLetter);
      }
    }
  }

  @Test
  void commandsAnswerAsStarRocksDoes() throws Exception {
    try (RawClient c = RawClient.open(fe)) {
      assertThat(RawClient.isOk(c.login("root", "pw"))).isTrue();
      assertThat(RawClient.isOk(c.command(0x0E, ""))).as("COM_PING").isTrue();
      assertThat(RawClient.isEof(c.command(0x04, "t\0"))).as("COM_FIELD_LIST").isTrue();
      assertThat(RawClient.isOk(c.command(0x1F, ""))).as("COM_RESET_CONNECTION").isTrue();
      assertThat(RawClient.isOk(c.command(0x02, "information_schema"))).as("COM_INIT_DB").isTrue();
      byte[] unknownDb = c.command(0x02, "nope");
      assertThat(RawClient.errorCode(unknownDb)).isEqualTo(1049);
      // only queries can be prepared (ConnectProcessor.executeQueryAttempt: ERR_UNSUPPORTED_PS)
      byte[] prepare = c.command(0x16, "SET autocommit = 1");
      assertThat(RawClient.errorCode(prepare)).isEqualTo(1295);
      assertThat(RawClient.errorState(prepare)).isEqualTo("HY000");
      assertThat(RawClient.errorMessage(prepare))
          .isEqualTo("This command is not supported in the prepared statement protocol yet");
      c.send(0x19, "\1\0\0\0"); // COM_STMT_CLOSE: no reply, so the next reply is the ping's
      assertThat(RawClient.isOk(c.command(0x0E, ""))).isTrue();
      byte[] unknown = c.command(0x1B, "\0\0");
      assertThat(RawClient.errorCode(unknown)).isEqualTo(1047);
      assertThat(RawClient.errorState(unknown)).isEqualTo("08S01");
      assertThat(RawClient.errorMessage(unknown)).isEqualTo("Unknown command");
      byte[] empty = c.command(0x03, " /* nothing */ ");
      assertThat(RawClient.errorCode(empty)).isEqualTo(1065);
      assertThat(RawClient.errorMessage(empty)).isEqualTo("Query was empty");
      c.send(0x01, "");
      assertThat(c.closedByServer()).as("COM_QUIT closes").isTrue();
    }
  }

  @Test
  void sslRequestIsRefusedWith5400() throws Exception {
    try (RawClient c = RawClient.open(fe).greeting()) {
      byte[] ssl = new byte[32];
      int caps = RawClient.CAPS | 0x800;
      for (int i = 0; i < 4; i++) {
        ssl[i] = (byte) (caps >>> (8 * i));
      }
      ssl[8] = 33;
      c.write(ssl);
      byte[] err = c.read();
      assertThat(RawClient.errorCode(err)).isEqualTo(5400);
      assertThat(RawClient.errorState(err)).isEqualTo("XX000");
      assertThat(RawClient.errorMessage(err)).isEqualTo("Failed to change to SSL connection");
      assertThat(c.closedByServer()).isTrue();
    }
  }

  @Test
  void otherPluginsGetAnAuthSwitchAndClearPasswordIsAccepted() throws Exception {
    try (RawClient c = RawClient.open(fe).greeting()) {
      byte[] sw = c.handshakeResponse("root", new byte[32], "caching_sha2_password");
      assertThat(sw[0] & 0xFF).isEqualTo(0xFE);
      String rest = new String(sw, 1, sw.length - 1, java.nio.charset.StandardCharsets.US_ASCII);
      assertThat(rest).startsWith("mysql_native_password\0");
      c.write(io.srcn.testkit.fe.internal.protocol.NativePassword.clientResponse(c.scramble, "pw"));
      assertThat(RawClient.isOk(c.read())).isTrue();
    }
    try (RawClient c = RawClient.open(fe).greeting()) {
      byte[] reply = c.handshakeResponse("root", "pw\0".getBytes(), "mysql_clear_password");
      assertThat(RawClient.isOk(reply)).isTrue();
    }
  }

  @Test
  void outOfOrderSequenceEndsTheConnection() throws Exception {
    try (RawClient c = RawClient.open(fe)) {
      c.login("root", "pw");
      c.writeRaw(new byte[] {1, 0, 0, 5, 0x0E}); // COM_PING with sequence id 5
      assertThat(c.closedByServer()).isTrue();
    }
    try (RawClient c = RawClient.open(fe)) {
      assertThat(RawClient.isOk(c.login("root", "pw"))).isTrue();
    }
  }
}
