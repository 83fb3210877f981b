package io.srcn.testkit.fe.internal.protocol;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * MySQL packet framing over a byte stream: {@code int<3>} length, {@code int<1>} sequence id,
 * payload. Messages of 16 MiB - 1 bytes or more are split into full chunks plus a shorter last
 * chunk (possibly empty) in both directions. Sequence ids are checked on input and continue across
 * input and output until {@link #resetSequence()} starts a new command.
 *
 * <p>Not thread-safe; owned by one connection thread.
 */
public final class PacketChannel {
  /** The largest payload of one packet; a payload of exactly this size continues. */
  public static final int MAX_CHUNK = 0xFFFFFF;

  private final InputStream in;
  private final OutputStream out;
  private final byte[] header = new byte[4];
  private int maxMessage;
  private int sequence;

  /**
   * Frames packets over the given (buffered) streams, accepting inbound messages of at most {@code
   * maxMessage} bytes.
   */
  public PacketChannel(InputStream in, OutputStream out, int maxMessage) {
    this.in = in;
    this.out = out;
    this.maxMessage = maxMessage;
  }

  /** Changes the largest inbound message accepted (e.g. after authentication). */
  public void maxMessage(int bytes) {
    this.maxMessage = bytes;
  }

  /** Starts a new command: the next packet read must have sequence id 0. */
  public void resetSequence() {
    sequence = 0;
  }

  /** The sequence id of the next packet. */
  public int sequence() {
    return sequence;
  }

  /** Sets the sequence id of the next packet (e.g. 1 to pre-encode a command's reply). */
  public void sequence(int next) {
    sequence = next & 0xFF;
  }

  /**
   * Writes {@code packets} already framed packets (as encoded by another channel starting at the
   * same sequence id) and advances the sequence id accordingly; does not flush.
   */
  public void writeFramed(byte[] framed, int packets) throws IOException {
    out.write(framed);
    sequence = (sequence + packets) & 0xFF;
  }

  /**
   * Reads one message, joining split packets.
   *
   * @throws EOFException when the peer closed the connection before the first header byte
   * @throws MalformedPacketException on a truncated packet, a wrong sequence id or a message larger
   *     than allowed
   */
  public byte[] read() throws IOException {
    byte[] message = readChunk(true);
    if (message.length < MAX_CHUNK) {
      return message;
    }
    java.io.ByteArrayOutputStream joined = new java.io.ByteArrayOutputStream(2 * MAX_CHUNK);
    joined.write(message, 0, message.length);
    byte[] chunk;
    do {
      chunk = readChunk(false);
      if ((long) joined.size() + chunk.length > maxMessage) {
        throw new MalformedPacketException(
            "message larger than " + maxMessage + " bytes (max_allowed_packet)");
      }
      joined.write(chunk, 0, chunk.length);
    } while (chunk.length == MAX_CHUNK);
    return joined.toByteArray();
  }

  private byte[] readChunk(boolean first) throws IOException {
    int n = in.readNBytes(header, 0, 4);
    if (n == 0 && first) {
      throw new EOFException("connection closed by peer");
    }
    if (n < 4) {
      throw new MalformedPacketException("truncated packet header (" + n + " of 4 bytes)");
    }
    int length = (header[0] & 0xFF) | (header[1] & 0xFF) << 8 | (header[2] & 0xFF) << 16;
    int seq = header[3] & 0xFF;
    if (seq != sequence) {
      throw new MalformedPacketException(
          "packet out of order: sequence id " + seq + ", expected " + sequence);
    }
    sequence = (sequence + 1) & 0xFF;
    if (length > maxMessage) {
      throw new MalformedPacketException(
          "packet of " + length + " bytes is larger than " + maxMessage + " (max_allowed_packet)");
    }
    byte[] payload = in.readNBytes(length); // grows as data arrives; no up-front allocation
    if (payload.length < length) {
      throw new MalformedPacketException(
          "truncated packet: " + payload.length + " of " + length + " bytes");
    }
    return payload;
  }

  /** Writes the writer's content as one message (split when needed); does not flush. */
  public void write(PayloadWriter payload) throws IOException {
    write(payload.array(), payload.length());
  }

  /** Writes {@code length} bytes of {@code data} as one message; does not flush. */
  public void write(byte[] data, int length) throws IOException {
    int offset = 0;
    int remaining = length;
    while (true) {
      int chunk = Math.min(remaining, MAX_CHUNK);
      header[0] = (byte) chunk;
      header[1] = (byte) (chunk >>> 8);
      header[2] = (byte) (chunk >>> 16);
      header[3] = (byte) sequence;
      sequence = (sequence + 1) & 0xFF;
      out.write(header, 0, 4);
      out.write(data, offset, chunk);
      offset += chunk;
      remaining -= chunk;
      if (chunk < MAX_CHUNK) {
        return;
      }
    }
  }

  /** Sends everything written so far. */
  public void flush() throws IOException {
    out.flush();
  }
}
