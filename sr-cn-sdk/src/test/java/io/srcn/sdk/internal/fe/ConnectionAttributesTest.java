package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.fe.HostPort;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What Connector/J really sends with the SDK's properties: a minimal server answers the handshake
 * and captures the client's HandshakeResponse41, then hangs up.
 */
class ConnectionAttributesTest {
  private static final int CAPS =
      0x003AA20F; // PROTOCOL_41, SECURE_CONNECTION, PLUGIN_AUTH, ATTRS...
  private static final String PASSWORD = "pw-attr-5e1f";

  @Test
  void theClientAnnouncesItselfAndNeverSendsThePasswordInClear() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CompletableFuture<byte[]> response = CompletableFuture.supplyAsync(() -> serveOnce(server));
      HostPort address = HostPort.of("127.0.0.1", server.getLocalPort());
      Frontend fe =
          Frontend.at(List.of(address))
              .credentials(Credentials.of("cn_admin", PASSWORD))
              .connectTimeout(Duration.ofSeconds(5))
              .queryTimeout(Duration.ofSeconds(5));

      assertThatThrownBy(
              () -> new JdbcSessionOpener(fe, CredentialsResolver.literalOnly(), "").open(address))
          .isInstanceOf(SQLException.class);

      String sent = new String(response.get(10, TimeUnit.SECONDS), StandardCharsets.ISO_8859_1);
      assertThat(sent).contains("\u000cprogram_name\u0009sr-cn-sdk");
      assertThat(sent).contains("cn_admin\u0000");
      assertThat(sent).doesNotContain(PASSWORD);
    }
  }

  private static byte[] serveOnce(ServerSocket server) {
    try (Socket s = server.accept()) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(packet(0, handshake()));
      out.flush();
      InputStream in = s.getInputStream();
      DataInputStream data = new DataInputStream(in);
      byte[] header = new byte[4];
      data.readFully(header);
      int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
      byte[] payload = new byte[length];
      data.readFully(payload);
      return payload;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] handshake() {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(0x0a);
    b.writeBytes("8.0.33\0".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes(new byte[] {1, 0, 0, 0}); // connection id
    b.writeBytes("abcdefgh".getBytes(StandardCharsets.US_ASCII));
    b.write(0);
    b.write(CAPS & 0xff);
    b.write((CAPS >> 8) & 0xff);
    b.write(33); // utf8_general_ci
    b.writeBytes(new byte[] {2, 0}); // SERVER_STATUS_AUTOCOMMIT
    b.write((CAPS >> 16) & 0xff);
    b.write((CAPS >> 24) & 0xff);
    b.write(21);
    b.writeBytes(new byte[10]);
    b.writeBytes("ijklmnopqrst\0".getBytes(StandardCharsets.US_ASCII));
    b.writeBytes("mysql_native_password\0".getBytes(StandardCharsets.US_ASCII));
    return b.toByteArray();
  }

  private static byte[] packet(int seq, byte[] payload) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(payload.length & 0xff);
    b.write((payload.length >> 8) & 0xff);
    b.write((payload.length >> 16) & 0xff);
    b.write(seq);
    b.writeBytes(payload);
    return b.toByteArray();
  }
}
