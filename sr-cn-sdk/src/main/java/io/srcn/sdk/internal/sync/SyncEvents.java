package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.fe.HostPort;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns what a pass reports into {@link GroupEvent}s for a sink (the event recorder, which posts
 * Kubernetes Events and notifies listeners). Messages name addresses and FE errors, never
 * credentials (the FE client's messages carry none).
 *
 * <p>Thread-safe if the sink is.
 */
final class SyncEvents implements SyncListener {
  private final GroupIdentity id;
  private final Clock clock;
  private final Consumer<GroupEvent> sink;

  SyncEvents(GroupIdentity id, Clock clock, Consumer<GroupEvent> sink) {
    this.id = id;
    this.clock = clock;
    this.sink = sink;
  }

  @Override
  public void registered(List<HostPort> addresses) {
    emit(
        GroupEvent.Type.NORMAL,
        GroupEvent.NODE_REGISTERED,
        "Registered " + describe(addresses) + " with the FE",
        addresses);
  }

  @Override
  public void dropped(List<HostPort> addresses) {
    emit(
        GroupEvent.Type.NORMAL,
        GroupEvent.NODE_DROPPED,
        "Dropped " + describe(addresses) + " from the FE",
        addresses);
  }

  @Override
  public void registrationFailed(List<HostPort> addresses, CnSdkException error) {
    emit(
        GroupEvent.Type.WARNING,
        GroupEvent.REGISTRATION_FAILED,
        "Could not change the FE registration of "
            + describe(addresses)
            + ": "
            + error.getMessage(),
        addresses);
  }

  @Override
  public void frontendUnavailable(CnSdkException error) {
    emit(
        GroupEvent.Type.WARNING,
        GroupEvent.FRONTEND_UNAVAILABLE,
        "Cannot list compute nodes on the FE: " + error.getMessage(),
        List.of());
  }

  @Override
  public void addressModeMismatch(List<String> pods) {
    emit(
        GroupEvent.Type.WARNING,
        GroupEvent.ADDRESS_MODE_MISMATCH,
        "The FE lists pods "
            + String.join(", ", pods)
            + " by IP although the group registers DNS names: run the FE with FQDN mode"
            + " (start_fe.sh --host_type FQDN) or set addressMode(POD_IP)",
        List.of());
  }

  private void emit(GroupEvent.Type type, String reason, String message, List<HostPort> addresses) {
    sink.accept(
        GroupEvent.builder()
            .namespace(id.namespace())
            .group(id.group())
            .type(type)
            .reason(reason)
            .message(message)
            .addresses(addresses.stream().map(HostPort::toString).toList())
            .time(clock.instant())
            .build());
  }

  private static String describe(List<HostPort> addresses) {
    if (addresses.size() <= 3) {
      return addresses.stream().map(HostPort::toString).reduce((a, b) -> a + ", " + b).orElse("");
    }
    return addresses.size() + " nodes (" + addresses.get(0) + ", ...)";
  }
}
