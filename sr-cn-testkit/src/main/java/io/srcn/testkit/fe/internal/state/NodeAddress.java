package io.srcn.testkit.fe.internal.state;

/**
 * A compute node's identity in the FE: the stored host (IPv6 without brackets) and heartbeat port.
 * Hosts are compared as strings, as the FE does (no normalisation).
 *
 * @param host the stored host
 * @param port the heartbeat port
 */
public record NodeAddress(String host, int port) {
  /** {@code host:port}, or {@code [v6]:port}: the form the FE prints in messages. */
  @Override
  public String toString() {
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }
}
