package io.srcn.testkit.fe.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CodecTest {
  @ParameterizedTest
  @ValueSource(longs = {0, 250, 251, 0xFFFF, 0x10000, 0xFFFFFF, 0x1000000, Long.MAX_VALUE})
  void lengthEncodedIntegersRoundTrip(long v) throws Exception {
    PayloadWriter w = new PayloadWriter(4).lenencInt(v);
    int expectedLength = v < 251 ? 1 : v < 0x10000 ? 3 : v < 0x1000000 ? 4 : 9;
    assertThat(w.length()).isEqualTo(expectedLength);
    assertThat(new PayloadReader(w.toByteArray()).lenencInt()).isEqualTo(v);
  }

  @Test
  void stringsNullAndUtf8() throws Exception {
    PayloadWriter w =
        new PayloadWriter(4)
            .lenencString("ab")
            .lenencString(null)
            .lenencString("é€")
            .nulString("x");
    byte[] b = w.toByteArray();
    assertThat(b[3] & 0xFF).isEqualTo(0xFB);
    PayloadReader r = new PayloadReader(b);
    assertThat(r.lenencString()).isEqualTo("ab");
    r.skip(1);
    assertThat(r.lenencString()).isEqualTo("é€");
    assertThat(r.nulString()).isEqualTo("x");
    assertThat(r.hasRemaining()).isFalse();
  }

  @Test
  void truncatedReadsFailWithMalformedPacket() {
    assertThatThrownBy(() -> new PayloadReader(new byte[] {1}).int4())
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("truncated");
    assertThatThrownBy(() -> new PayloadReader(new byte[] {5, 'a'}).lenencString())
        .isInstanceOf(MalformedPacketException.class);
    assertThatThrownBy(() -> new PayloadReader(new byte[] {'a'}).nulString())
        .isInstanceOf(MalformedPacketException.class);
    assertThatThrownBy(() -> new PayloadReader(new byte[] {(byte) 0xFF}).lenencInt())
        .isInstanceOf(MalformedPacketException.class);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 0xFFFFFF, 0xFFFFFF + 1, 2 * 0xFFFFFF + 7})
  void messagesAreSplitAndJoinedAt16MiB(int size) throws Exception {
    byte[] data = new byte[size];
    for (int i = 0; i < size; i++) {
      data[i] = (byte) (i * 31 + size);
    }
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    PacketChannel writer =
        new PacketChannel(new ByteArrayInputStream(new byte[0]), wire, Integer.MAX_VALUE);
    writer.write(data, data.length);
    writer.flush();
    byte[] bytes = wire.toByteArray();
    int packets = size / 0xFFFFFF + 1;
    assertThat(bytes).hasSize(size + 4 * packets);
    assertThat(bytes[3 + 0]).isZero(); // first sequence id
    PacketChannel reader =
        new PacketChannel(new ByteArrayInputStream(bytes), new ByteArrayOutputStream(), 64 << 20);
    assertThat(Arrays.equals(reader.read(), data)).isTrue();
    assertThatThrownBy(reader::read).isInstanceOf(EOFException.class);
  }

  @Test
  void sequenceIdsAndSizeLimitsAreEnforced() throws Exception {
    PacketChannel outOfOrder =
        new PacketChannel(
            new ByteArrayInputStream(new byte[] {1, 0, 0, 3, 0x0E}),
            new ByteArrayOutputStream(),
            100);
    assertThatThrownBy(outOfOrder::read)
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("sequence id 3, expected 0");
    PacketChannel tooBig =
        new PacketChannel(
            new ByteArrayInputStream(new byte[] {(byte) 200, 0, 0, 0}),
            new ByteArrayOutputStream(),
            100);
    assertThatThrownBy(tooBig::read)
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("larger than 100");
    PacketChannel truncated =
        new PacketChannel(
            new ByteArrayInputStream(new byte[] {5, 0, 0, 0, 1}), new ByteArrayOutputStream(), 100);
    assertThatThrownBy(truncated::read)
        .isInstanceOf(MalformedPacketException.class)
        .hasMessageContaining("1 of 5");
  }

  @Test
  void nativePasswordChecksTheScrambledResponse() {
    byte[] scramble = NativePassword.scramble();
    byte[] stored = NativePassword.storedHash("secret");
    assertThat(
            NativePassword.verify(
                scramble, stored, NativePassword.clientResponse(scramble, "secret")))
        .isTrue();
    assertThat(
            NativePassword.verify(
                scramble, stored, NativePassword.clientResponse(scramble, "Secret")))
        .isFalse();
    assertThat(
            NativePassword.verify(
                NativePassword.scramble(),
                stored,
                NativePassword.clientResponse(scramble, "secret")))
        .isFalse();
    assertThat(NativePassword.verify(scramble, stored, new byte[0])).isFalse();
    assertThat(NativePassword.verify(scramble, NativePassword.storedHash(""), new byte[0]))
        .isTrue();
    assertThat(NativePassword.verify(scramble, NativePassword.storedHash(""), new byte[20]))
        .isFalse();
    assertThat(NativePassword.verifyClear(stored, "secret\0".getBytes())).isTrue();
    // a known vector: SHA1(SHA1("password")) as MySQL stores it (*2470C0C0...)
    assertThat(hex(NativePassword.storedHash("password")))
        .isEqualTo("2470C0C06DEE42FD1618BB99005ADCA2EC9D1E19");
  }

  @Test
  void handshakeV10Layout() throws Exception {
    byte[] scramble = "ABCDEFGHIJKLMNOPQRST".getBytes();
    byte[] p = Handshake.v10(new PayloadWriter(64), "8.0.33", 7, scramble).toByteArray();
    PayloadReader r = new PayloadReader(p);
    assertThat(r.int1()).isEqualTo(10);
    assertThat(r.nulString()).isEqualTo("8.0.33");
    assertThat(r.int4()).isEqualTo(7);
    assertThat(new String(r.bytes(8))).isEqualTo("ABCDEFGH");
    r.skip(1);
    long caps = r.int2();
    assertThat(r.int1()).isEqualTo(33);
    assertThat(r.int2()).isEqualTo(2);
    caps |= (long) r.int2() << 16;
    assertThat(caps).isEqualTo(0x003AA20FL);
    assertThat(r.int1()).isEqualTo(21);
    r.skip(10);
    assertThat(new String(r.bytes(12))).isEqualTo("IJKLMNOPQRST");
    assertThat(r.int1()).isZero();
    assertThat(r.nulString()).isEqualTo("mysql_native_password");
  }

  private static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder();
    for (byte x : b) {
      sb.append(String.format("%02X", x));
    }
    return sb.toString();
  }
}
