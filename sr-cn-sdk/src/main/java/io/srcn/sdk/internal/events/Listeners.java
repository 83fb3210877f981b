package io.srcn.sdk.internal.events;

import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEventListener;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The registered {@link GroupEventListener}s. Each event goes to every listener in registration
 * order, on the caller's thread; a listener that throws is logged and skipped, and the others still
 * run.
 *
 * <p>Thread-safe: listeners may be added and removed while events are delivered.
 */
final class Listeners {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);

  private final CopyOnWriteArrayList<GroupEventListener> listeners = new CopyOnWriteArrayList<>();

  void add(GroupEventListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  void remove(GroupEventListener listener) {
    listeners.remove(listener);
  }

  void deliver(GroupEvent event) {
    for (GroupEventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        LOG.warn(
            "GroupEventListener {} threw on {} for {}/{}; ignored",
            listener.getClass().getName(),
            event.reason(),
            event.namespace(),
            event.group(),
            e);
      }
    }
  }
}
