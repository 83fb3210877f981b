package io.srcn.testkit.fe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The packets of a multi-statement COM_QUERY: every result but the last ends with status
 * SERVER_MORE_RESULTS_EXISTS (0x0008) | AUTOCOMMIT; an error ends the sequence (StarRocks
 * ConnectProcessor.executeQueryAttempt). Checked byte by byte, as no client shows the flags.
 */
class MultiResultProtocolTest {
  private FakeFrontend fe;

  @BeforeEach
  void start() {
    fe = FakeFrontend.builder().heartbeatInterval(Duration.ofHours(1)).build().start();
  }

  @AfterEach
  void stop() {
    fe.close();
  }

  private static int status(byte[] okOrEof) {
    int at = 3; // OK: 0x00, affected rows 0, insert id 0; EOF: 0xFE, int<2> warnings
    return (okOrEof[at] & 0xFF) | (okOrEof[at + 1] & 0xFF) << 8;
  }

  // reads one text result set; returns the final EOF
  private static byte[] resultSet(RawClient c, byte[] first) throws Exception {
    int columns = first[0] & 0xFF;
    for (int i = 0; i < columns; i++) {
      c.read();
    }
    assertThat(RawClient.isEof(c.read())).isTrue();
    byte[] p;
    do {
      p = c.read();
    } while (!RawClient.isEof(p));
    return p;
  }

  @Test
  void everyResultButTheLastSaysMoreResultsExist() throws Exception {
    try (RawClient c = RawClient.open(fe)) {
      assertThat(RawClient.isOk(c.login("root", ""))).isTrue();
      byte[] first = c.command(0x03, "SELECT 1; SET @a = 2; SELECT @a");
      List<Integer> statuses = new ArrayList<>();
      statuses.add(status(resultSet(c, first)));
      byte[] ok = c.read();
      assertThat(RawClient.isOk(ok)).isTrue();
      statuses.add(status(ok));
      statuses.add(status(resultSet(c, c.read())));
      assertThat(statuses).containsExactly(0x000A, 0x000A, 0x0002);
      assertThat(RawClient.isOk(c.command(0x0E, ""))).as("nothing left over").isTrue();

      byte[] again = c.command(0x03, "SELECT 1; KILL 999999; SELECT 2");
      assertThat(status(resultSet(c, again))).isEqualTo(0x000A);
      byte[] err = c.read();
      assertThat(RawClient.errorCode(err)).isEqualTo(1094);
      assertThat(RawClient.isOk(c.command(0x0E, ""))).as("SELECT 2 never ran").isTrue();
    }
  }
}
