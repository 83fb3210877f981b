package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.protocol.MalformedPacketException;
import io.srcn.testkit.fe.internal.protocol.PayloadReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the parameter values of COM_STMT_EXECUTE (page_protocol_com_stmt_execute.html and
 * page_protocol_binary_resultset.html#sect_protocol_binary_resultset_row_value): integers, floats,
 * temporal values and length-encoded strings, into Java values for {@link
 * io.srcn.testkit.fe.internal.sql.Placeholders#bind}. StarRocks does the same in {@code
 * ConnectProcessor.handleExecute} / {@code MysqlParamParser}.
 *
 * <p>Thread-safe (stateless).
 */
final class BinaryParameters {
  private static final int UNSIGNED = 0x8000;

  private BinaryParameters() {}

  /**
   * Reads the values after the statement id, flags and iteration count.
   *
   * @param in positioned at the NULL bitmap
   * @param p the statement (its remembered types are updated when the client sends new ones)
   */
  static List<Object> read(PayloadReader in, PreparedStatements.Prepared p)
      throws MalformedPacketException {
    int n = p.types.length;
    List<Object> values = new ArrayList<>(n);
    if (n == 0) {
      return values;
    }
    byte[] nulls = in.bytes((n + 7) / 8);
    if (in.hasRemaining() && in.int1() == 1) {
      for (int i = 0; i < n; i++) {
        p.types[i] = in.int2();
      }
    }
    for (int i = 0; i < n; i++) {
      if ((nulls[i / 8] & (1 << (i % 8))) != 0) {
        values.add(null);
      } else if (p.longData.containsKey(i)) {
        values.add(new String(p.longData.get(i).toByteArray(), StandardCharsets.UTF_8));
      } else {
        values.add(value(in, p.types[i]));
      }
    }
    return values;
  }

  private static Object value(PayloadReader in, int typeAndFlags) throws MalformedPacketException {
    boolean unsigned = (typeAndFlags & UNSIGNED) != 0;
    int type = typeAndFlags & 0xFF;
    switch (type) {
      case 0x01: // TINY
        int b = in.int1();
        return unsigned ? b : (int) (byte) b;
      case 0x02: // SHORT
      case 0x0D: // YEAR
        int s = in.int2();
        return unsigned ? s : (int) (short) s;
      case 0x03: // LONG
      case 0x09: // INT24
        long l = in.int4();
        return unsigned ? l : (long) (int) l;
      case 0x08: // LONGLONG
        long ll = in.int8();
        return unsigned && ll < 0 ? Long.toUnsignedString(ll) : ll;
      case 0x04: // FLOAT
        return Float.intBitsToFloat((int) in.int4());
      case 0x05: // DOUBLE
        return Double.longBitsToDouble(in.int8());
      case 0x06: // NULL
        return null;
      case 0x07: // TIMESTAMP
      case 0x0A: // DATE
      case 0x0C: // DATETIME
        return dateTime(in, type == 0x0A);
      case 0x0B: // TIME
        return time(in);
      default: // strings, decimals, blobs, JSON, ENUM, SET, BIT
        return new String(in.lenencBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String dateTime(PayloadReader in, boolean dateOnly)
      throws MalformedPacketException {
    int len = in.int1();
    int year = 0;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    long micros = 0;
    if (len >= 4) {
      year = in.int2();
      month = in.int1();
      day = in.int1();
    }
    if (len >= 7) {
      hour = in.int1();
      minute = in.int1();
      second = in.int1();
    }
    if (len >= 11) {
      micros = in.int4();
    }
    String date = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", year, month, day);
    if (dateOnly) {
      return date;
    }
    String t =
        String.format(java.util.Locale.ROOT, "%s %02d:%02d:%02d", date, hour, minute, second);
    return micros == 0 ? t : t + String.format(java.util.Locale.ROOT, ".%06d", micros);
  }

  private static String time(PayloadReader in) throws MalformedPacketException {
    int len = in.int1();
    if (len == 0) {
      return "00:00:00";
    }
    boolean negative = in.int1() == 1;
    long days = in.int4();
    int hour = in.int1();
    int minute = in.int1();
    int second = in.int1();
    long micros = len >= 12 ? in.int4() : 0;
    String t =
        String.format(
            java.util.Locale.ROOT,
            "%s%02d:%02d:%02d",
            negative ? "-" : "",
            days * 24 + hour,
            minute,
            second);
    return micros == 0 ? t : t + String.format(java.util.Locale.ROOT, ".%06d", micros);
  }
}
