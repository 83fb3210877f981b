package io.srcn.testkit.fe.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.testkit.fe.internal.protocol.PayloadReader;
import io.srcn.testkit.fe.internal.protocol.PayloadWriter;
import io.srcn.testkit.fe.internal.sql.Placeholders;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** COM_STMT_EXECUTE parameter values (page_protocol_com_stmt_execute.html) to SQL literals. */
class BinaryParametersTest {
  @Test
  void everyTypeFamilyBindsAsTheLiteralMysqlWouldSee() throws Exception {
    Placeholders markers = Placeholders.of("SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?");
    PreparedStatements.Prepared p = new PreparedStatements.Prepared(markers, java.util.List.of());
    PayloadWriter w = new PayloadWriter(64);
    w.int1(0b0100_0000).int1(0); // NULL bitmap: parameter 6 is NULL
    w.int1(1); // new params bound
    int[] types = {0x01, 0x8001, 0x03, 0x08, 0x05, 0xFD, 0x06, 0x0C, 0x0A};
    for (int t : types) {
      w.int2(t);
    }
    w.int1(0xFF); // TINY -1
    w.int1(0xFF); // unsigned TINY 255
    w.int4(-7); // LONG
    w.int8(1L << 40); // LONGLONG
    w.int8(Double.doubleToLongBits(2.5)); // DOUBLE
    w.lenencString("it's"); // VAR_STRING
    // parameter 6: NULL, no value
    w.int1(7).int2(2026).int1(12).int1(2).int1(23).int1(5).int1(9); // DATETIME
    w.int1(4).int2(2026).int1(1).int1(31); // DATE
    var values = BinaryParameters.read(new PayloadReader(w.toByteArray()), p);
    assertThat(values)
        .containsExactly(
            -1, 255, -7L, 1L << 40, 2.5, "it's", null, "2026-12-02 23:05:09", "2026-01-31");
    assertThat(markers.bind(values))
        .isEqualTo(
            "SELECT -1, 255, -7, 1099511627776, 2.5, 'it\\'s', NULL, '2026-12-02 23:05:09',"
                + " '2026-01-31'");
    // a second execution may omit the types: the bound ones are kept
    PayloadWriter again = new PayloadWriter(64);
    again.int1(0).int1(0b0000_0001).int1(0); // parameter 9 NULL, types not re-sent
    again.int1(1).int1(2).int4(3).int8(4).int8(Double.doubleToLongBits(5)).lenencString("6");
    again.int1(0); // DATETIME of length 0
    assertThat(BinaryParameters.read(new PayloadReader(again.toByteArray()), p))
        .isEqualTo(Arrays.asList(1, 2, 3L, 4L, 5.0, "6", null, "0000-00-00 00:00:00", null));
  }
}
