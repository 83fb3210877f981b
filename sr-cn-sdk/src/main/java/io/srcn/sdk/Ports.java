package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import java.util.LinkedHashMap;
import java.util.Map;
import org.immutables.value.Value;

/**
 * The CN ports, written into cn.conf by the SDK ({@code heartbeat_service_port}, {@code
 * thrift_port}/{@code be_port}, {@code webserver_port}/{@code be_http_port}, {@code brpc_port}):
 * each in 1..65535 and all distinct.
 *
 * <p>Immutable and thread-safe; every {@code with} method returns a new value.
 */
@Value.Immutable
@SdkStyle
public abstract class Ports {
  Ports() {}

  /** Heartbeat 9050, thrift 9060, webserver 8040, brpc 8060. */
  public static Ports defaults() {
    return ImmutablePorts.builder().build();
  }

  /** All four ports at once, validated together. */
  public static Ports of(int heartbeat, int thrift, int webserver, int brpc) {
    return ImmutablePorts.builder()
        .heartbeat(heartbeat)
        .thrift(thrift)
        .webserver(webserver)
        .brpc(brpc)
        .build();
  }

  /** The heartbeat service port the FE polls and registers (default 9050). */
  @Value.Default
  public int heartbeat() {
    return 9050;
  }

  /** The thrift (BE) port (default 9060). */
  @Value.Default
  public int thrift() {
    return 9060;
  }

  /** The HTTP port, also used by the probes (default 8040). */
  @Value.Default
  public int webserver() {
    return 8040;
  }

  /** The bRPC port (default 8060). */
  @Value.Default
  public int brpc() {
    return 8060;
  }

  /** A copy with this heartbeat port. */
  public Ports heartbeat(int port) {
    return ImmutablePorts.builder().from(this).heartbeat(port).build();
  }

  /** A copy with this thrift port. */
  public Ports thrift(int port) {
    return ImmutablePorts.builder().from(this).thrift(port).build();
  }

  /** A copy with this webserver port. */
  public Ports webserver(int port) {
    return ImmutablePorts.builder().from(this).webserver(port).build();
  }

  /** A copy with this bRPC port. */
  public Ports brpc(int port) {
    return ImmutablePorts.builder().from(this).brpc(port).build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("ports");
    Map<String, Integer> ports = new LinkedHashMap<>();
    ports.put("heartbeat", heartbeat());
    ports.put("thrift", thrift());
    ports.put("webserver", webserver());
    ports.put("brpc", brpc());
    Map<Integer, String> seen = new LinkedHashMap<>();
    ports.forEach(
        (name, port) -> {
          v.range(name, port, 1, 65535);
          String earlier = seen.putIfAbsent(port, name);
          v.require(
              earlier == null,
              name,
              () -> port + " is also the " + earlier + " port; the ports must be distinct");
        });
    v.throwIfAny();
  }
}
