package io.srcn.testkit.fe.internal.protocol;

/**
 * Encodes the generic response packets (OK, ERR, classic EOF) and the parts of a text result set
 * (column count, ColumnDefinition41, text rows) into a {@link PayloadWriter}.
 */
public final class Packets {
  /** utf8_general_ci, the character set StarRocks announces and uses for result columns. */
  public static final int CHARSET_UTF8_GENERAL_CI = 33;

  /** MYSQL_TYPE_VAR_STRING: StarRocks sends every SHOW column with this type. */
  public static final int TYPE_VAR_STRING = 253;

  private static final byte[] DEF = {3, 'd', 'e', 'f'};

  private Packets() {}

  /** OK packet with no affected rows. */
  public static PayloadWriter ok(PayloadWriter w, long affectedRows, int status) {
    return w.reset().int1(0x00).lenencInt(affectedRows).lenencInt(0).int2(status).int2(0);
  }

  /** ERR packet; an empty message becomes {@code Unknown error}, as the FE does. */
  public static PayloadWriter err(PayloadWriter w, int code, String sqlState, String message) {
    String state = sqlState == null || sqlState.length() != 5 ? "HY000" : sqlState;
    String text = message == null || message.isEmpty() ? "Unknown error" : message;
    return w.reset().int1(0xFF).int2(code).int1('#').string(state).string(text);
  }

  /** Classic EOF packet (no warnings). */
  public static PayloadWriter eof(PayloadWriter w, int status) {
    return w.reset().int1(0xFE).int2(0).int2(status);
  }

  /** The first packet of a result set: the column count. */
  public static PayloadWriter columnCount(PayloadWriter w, int count) {
    return w.reset().lenencInt(count);
  }

  /** ColumnDefinition41 for a VAR_STRING column labelled {@code name}. */
  public static PayloadWriter column(PayloadWriter w, String name, int length) {
    w.reset().bytes(DEF);
    w.lenencString("").lenencString("").lenencString("");
    w.lenencString(name).lenencString(name);
    return w.int1(0x0C)
        .int2(CHARSET_UTF8_GENERAL_CI)
        .int4(length)
        .int1(TYPE_VAR_STRING)
        .int2(0)
        .int1(0)
        .int2(0);
  }

  /**
   * COM_STMT_PREPARE_OK: status 0x00, statement id, number of columns and parameters, filler,
   * warning count (page_protocol_com_stmt_prepare.html).
   */
  public static PayloadWriter prepareOk(
      PayloadWriter w, long statementId, int columns, int params) {
    return w.reset().int1(0x00).int4(statementId).int2(columns).int2(params).int1(0).int2(0);
  }

  /**
   * A binary protocol result row (reply to COM_STMT_EXECUTE): header 0x00, the NULL bitmap with an
   * offset of 2 bits, then each non-NULL value; every column is VAR_STRING, so each value is a
   * length-encoded string (page_protocol_binary_resultset.html).
   */
  public static PayloadWriter binaryRow(PayloadWriter w, java.util.List<String> values) {
    int n = values.size();
    byte[] nulls = new byte[(n + 7 + 2) / 8];
    for (int i = 0; i < n; i++) {
      if (values.get(i) == null) {
        nulls[(i + 2) / 8] |= (byte) (1 << ((i + 2) % 8));
      }
    }
    w.reset().int1(0x00).bytes(nulls);
    for (int i = 0; i < n; i++) {
      String v = values.get(i);
      if (v != null) {
        w.lenencString(v);
      }
    }
    return w;
  }

  /** A text row: each value a length-encoded string, NULL as {@code 0xFB}. */
  public static PayloadWriter row(PayloadWriter w, java.util.List<String> values) {
    w.reset();
    for (int i = 0, n = values.size(); i < n; i++) {
      w.lenencString(values.get(i));
    }
    return w;
  }
}
