package io.srcn.testkit.fe.internal.server;

import io.srcn.testkit.fe.internal.protocol.Capabilities;
import io.srcn.testkit.fe.internal.protocol.PacketChannel;
import io.srcn.testkit.fe.internal.protocol.Packets;
import io.srcn.testkit.fe.internal.protocol.PayloadWriter;
import io.srcn.testkit.fe.internal.state.FeError;
import io.srcn.testkit.fe.internal.state.ResultTable;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Writes replies on a connection: OK, ERR, text result sets (COM_QUERY) and binary result sets
 * (COM_STMT_EXECUTE), with the server status given (AUTOCOMMIT, plus MORE_RESULTS_EXISTS between
 * the results of a multi-statement query). Large text results are encoded once and re-sent while
 * the table and sequence id are unchanged.
 *
 * <p>Not thread-safe: owned by the connection's thread.
 */
final class ReplyWriter {
  static final int STATUS = Capabilities.STATUS_AUTOCOMMIT;
  static final int COLUMN_LENGTH = 1024;
  private static final int CACHED_ROWS = 16;

  private final PayloadWriter out;
  private PacketChannel channel;
  private ResultTable lastTable; // the last large table sent, with its framed packets
  private byte[] lastFramed;
  private int lastPackets;
  private int lastFirstSequence;

  ReplyWriter(PayloadWriter out) {
    this.out = out;
  }

  void channel(PacketChannel c) {
    this.channel = c;
  }

  /** Writes {@code reply}; {@code status} goes into its OK or final EOF packet. */
  void write(Reply reply, int status, boolean binary) throws IOException {
    if (reply instanceof Reply.Rows r) {
      if (binary) {
        resultSet(channel, r.table(), status, true);
      } else {
        textResultSet(r.table(), status);
      }
    } else if (reply instanceof Reply.Error e) {
      error(e.error());
    } else {
      channel.write(Packets.ok(out, 0, status));
    }
  }

  void ok() throws IOException {
    channel.write(Packets.ok(out, 0, STATUS));
  }

  void eof() throws IOException {
    channel.write(Packets.eof(out, STATUS));
  }

  void error(FeError e) throws IOException {
    channel.write(Packets.err(out, e.code(), e.sqlState(), e.getMessage()));
  }

  /** COM_STMT_PREPARE_OK, then the parameter and column definitions, each list ended by EOF. */
  void prepareOk(long id, int params, List<String> columns) throws IOException {
    channel.write(Packets.prepareOk(out, id, columns.size(), params));
    if (params > 0) {
      for (int i = 0; i < params; i++) {
        channel.write(Packets.column(out, "?", COLUMN_LENGTH));
      }
      eof();
    }
    if (!columns.isEmpty()) {
      for (String c : columns) {
        channel.write(Packets.column(out, c, COLUMN_LENGTH));
      }
      eof();
    }
  }

  private void textResultSet(ResultTable table, int status) throws IOException {
    if (table.rows().size() < CACHED_ROWS || status != STATUS) {
      resultSet(channel, table, status, false);
      return;
    }
    // large tables (SHOW COMPUTE NODES) are shared until the state changes: encode them once
    if (table != lastTable || channel.sequence() != lastFirstSequence) {
      ByteArrayOutputStream framed = new ByteArrayOutputStream(32 * 1024);
      PacketChannel encoder = new PacketChannel(InputStream.nullInputStream(), framed, 0);
      encoder.sequence(channel.sequence());
      int packets = resultSet(encoder, table, status, false);
      lastTable = table;
      lastFramed = framed.toByteArray();
      lastPackets = packets;
      lastFirstSequence = channel.sequence();
    }
    channel.writeFramed(lastFramed, lastPackets);
  }

  private int resultSet(PacketChannel target, ResultTable table, int status, boolean binary)
      throws IOException {
    List<String> columns = table.columns();
    target.write(Packets.columnCount(out, columns.size()));
    for (String name : columns) {
      target.write(Packets.column(out, name, COLUMN_LENGTH));
    }
    target.write(Packets.eof(out, STATUS));
    for (List<String> row : table.rows()) {
      target.write(binary ? Packets.binaryRow(out, row) : Packets.row(out, row));
    }
    target.write(Packets.eof(out, status));
    return columns.size() + table.rows().size() + 3;
  }
}
