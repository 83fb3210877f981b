package io.srcn.examples.internal;

import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEventListener;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link GroupEventListener} that prints every event of the groups it listens to on a {@link
 * Console} and remembers the addresses registered with and dropped from the FE.
 *
 * <p>Thread-safe; never blocks (printing is the only work).
 */
public final class EventLog implements GroupEventListener {
  private final Console console;
  private final Set<String> registered = new LinkedHashSet<>();
  private final Set<String> dropped = new LinkedHashSet<>();

  /** An event log printing to {@code console}. */
  public EventLog(Console console) {
    this.console = console;
  }

  @Override
  public void onEvent(GroupEvent e) {
    synchronized (this) {
      if (e.reason().equals(GroupEvent.NODE_REGISTERED)) {
        registered.addAll(e.addresses());
      } else if (e.reason().equals(GroupEvent.NODE_DROPPED)) {
        dropped.addAll(e.addresses());
      }
    }
    String marker = e.type() == GroupEvent.Type.WARNING ? "warning" : "event";
    console.line("    %s %s: %s", marker, e.reason(), e.message());
  }

  /** Every address a {@code NodeRegistered} event named, in order. */
  public synchronized List<String> registered() {
    return List.copyOf(registered);
  }

  /** Every address a {@code NodeDropped} event named, in order. */
  public synchronized List<String> dropped() {
    return List.copyOf(dropped);
  }
}
