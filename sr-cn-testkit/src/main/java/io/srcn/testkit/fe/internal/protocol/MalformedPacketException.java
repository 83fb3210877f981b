package io.srcn.testkit.fe.internal.protocol;

import java.io.IOException;

/**
 * A packet that violates the MySQL wire protocol: truncated, out of sequence, too large or not
 * parseable. Ends the connection it arrived on, never the server.
 */
public final class MalformedPacketException extends IOException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception describing what was wrong with the packet. */
  public MalformedPacketException(String message) {
    super(message);
  }
}
