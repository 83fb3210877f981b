package io.srcn.testkit.fe;

import io.srcn.testkit.fe.internal.protocol.NativePassword;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A minimal hand-rolled MySQL client for protocol-level tests: raw packets, a native-password
 * login, single commands. Written independently of the server codec (byte by byte).
 */
final class RawClient implements AutoCloseable {
  static final int CAPS = 0x1 | 0x4 | 0x200 | 0x8000 | 0x80000; // LONG_PASSWORD..PLUGIN_AUTH

  final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private int seq;
  byte[] scramble;
  String serverVersion;

  private RawClient(Socket socket) throws IOException {
    this.socket = socket;
    socket.setSoTimeout(10_000);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
  }

  static RawClient open(FakeFrontend fe) throws IOException {
    return new RawClient(new Socket("127.0.0.1", fe.port()));
  }

  /** Reads the server greeting and keeps the scramble. */
  RawClient greeting() throws IOException {
    byte[] p = read();
    if (p[0] != 0x0A) {
      throw new IOException("not a HandshakeV10: " + p[0]);
    }
    int end = 1;
    while (p[end] != 0) {
      end++;
    }
    serverVersion = new String(p, 1, end - 1, StandardCharsets.US_ASCII);
    int pos = end + 1 + 4;
    byte[] part1 = Arrays.copyOfRange(p, pos, pos + 8);
    pos += 8 + 1 + 2 + 1 + 2 + 2 + 1 + 10;
    byte[] part2 = Arrays.copyOfRange(p, pos, pos + 12);
    scramble = new byte[20];
    System.arraycopy(part1, 0, scramble, 0, 8);
    System.arraycopy(part2, 0, scramble, 8, 12);
    return this;
  }

  /**
   * Sends a HandshakeResponse41 for {@code plugin} with the given auth bytes; returns the reply.
   */
  byte[] handshakeResponse(String user, byte[] auth, String plugin) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int4(b, CAPS);
    int4(b, 16 * 1024 * 1024);
    b.write(33);
    b.write(new byte[23]);
    b.writeBytes(user.getBytes(StandardCharsets.UTF_8));
    b.write(0);
    b.write(auth.length);
    b.writeBytes(auth);
    b.writeBytes(plugin.getBytes(StandardCharsets.UTF_8));
    b.write(0);
    write(b.toByteArray());
    return read();
  }

  /** Greeting plus native-password login; returns the server's reply (OK or ERR). */
  byte[] login(String user, String password) throws IOException {
    greeting();
    return handshakeResponse(
        user, NativePassword.clientResponse(scramble, password), "mysql_native_password");
  }

  /** Sends one command (sequence 0) and returns the first reply packet. */
  byte[] command(int command, String arg) throws IOException {
    send(command, arg);
    return read();
  }

  /** Sends one command (sequence 0) without reading. */
  void send(int command, String arg) throws IOException {
    seq = 0;
    byte[] a = arg.getBytes(StandardCharsets.UTF_8);
    byte[] p = new byte[a.length + 1];
    p[0] = (byte) command;
    System.arraycopy(a, 0, p, 1, a.length);
    write(p);
  }

  void write(byte[] payload) throws IOException {
    byte[] h = {
      (byte) payload.length,
      (byte) (payload.length >> 8),
      (byte) (payload.length >> 16),
      (byte) seq++
    };
    out.write(h);
    out.write(payload);
    out.flush();
  }

  void writeRaw(byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  byte[] read() throws IOException {
    int len = in.readUnsignedByte() | in.readUnsignedByte() << 8 | in.readUnsignedByte() << 16;
    seq = in.readUnsignedByte() + 1;
    byte[] p = new byte[len];
    in.readFully(p);
    return p;
  }

  /** True when the server has closed the connection (EOF or reset). */
  boolean closedByServer() {
    try {
      return in.read() < 0;
    } catch (EOFException e) {
      return true;
    } catch (IOException e) {
      return !(e instanceof java.net.SocketTimeoutException);
    }
  }

  static int errorCode(byte[] p) {
    return (p[0] & 0xFF) == 0xFF ? (p[1] & 0xFF) | (p[2] & 0xFF) << 8 : 0;
  }

  static String errorState(byte[] p) {
    return new String(p, 4, 5, StandardCharsets.US_ASCII);
  }

  static String errorMessage(byte[] p) {
    return new String(p, 9, p.length - 9, StandardCharsets.UTF_8);
  }

  static boolean isOk(byte[] p) {
    return p.length >= 7 && p[0] == 0;
  }

  static boolean isEof(byte[] p) {
    return (p[0] & 0xFF) == 0xFE && p.length < 9;
  }

  private static void int4(ByteArrayOutputStream b, int v) {
    for (int i = 0; i < 4; i++) {
      b.write(v >>> (8 * i));
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
