package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.fe.HostPort;
import io.srcn.sdk.internal.events.GroupEvents;
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
    sink.accept(
        GroupEvents.nodeRegistered(
            id.namespace(), id.group(), strings(addresses), clock.instant()));
  }

  @Override
  public void dropped(List<HostPort> addresses) {
    sink.accept(
        GroupEvents.nodeDropped(id.namespace(), id.group(), strings(addresses), clock.instant()));
  }

  @Override
  public void registrationFailed(List<HostPort> addresses, boolean drop, CnSdkException error) {
    sink.accept(
        GroupEvents.registrationFailed(
            id.namespace(),
            id.group(),
            drop,
            strings(addresses),
            error.getMessage(),
            clock.instant()));
  }

  @Override
  public void frontendUnavailable(CnSdkException error) {
    sink.accept(
        GroupEvents.frontendUnavailable(
            id.namespace(), id.group(), error.getMessage(), clock.instant()));
  }

  private static List<String> strings(List<HostPort> addresses) {
    return addresses.stream().map(HostPort::toString).toList();
  }
}
