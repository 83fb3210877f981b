package io.srcn.testkit.k8s.internal;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import java.lang.reflect.Field;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around two faults of fabric8's mock watch listener ({@code WatchEventsListener}) when a
 * watch closes while objects change:
 *
 * <ul>
 *   <li>its close handler shuts its send queue down and waits for it on the server's only event
 *       loop, while a queued send waits up to 30 s for that same event loop: the whole API server
 *       stalls. {@link #closeOffLoop} runs close handlers on a thread of their own;
 *   <li>it leaves the dispatcher's set of watchers only after that wait, so meanwhile a write that
 *       notifies it fails with {@link RejectedExecutionException} after the store changed, and the
 *       watchers after it (and the simulators) never hear of the change. {@link #install} gives the
 *       dispatcher a set whose iteration skips a watcher that is shutting down.
 * </ul>
 *
 * <p>Thread-safe.
 */
final class WatchListeners {
  private static final Logger LOG = LoggerFactory.getLogger(WatchListeners.class);
  private static final ExecutorService CLOSERS =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "srcn-mock-watch-close");
            t.setDaemon(true);
            return t;
          });

  private WatchListeners() {}

  /** Runs a watch's close handler away from the event loop. */
  static void closeOffLoop(Runnable handler) {
    CLOSERS.execute(handler);
  }

  /** Replaces the dispatcher's set of watchers with one that skips closing watchers. */
  static void install(KubernetesCrudDispatcher dispatcher) {
    try {
      Field f = KubernetesCrudDispatcher.class.getDeclaredField("watchEventListeners");
      f.setAccessible(true);
      f.set(dispatcher, new Tolerant());
    } catch (ReflectiveOperationException | RuntimeException e) {
      LOG.warn("cannot protect watch notifications from closing watches: {}", e.toString());
    }
  }

  /**
   * A watcher set whose {@code forEach} goes on past a watcher that is shutting down. Its elements
   * are fabric8's package-private {@code WatchEventsListener}s, hence {@code Object}.
   */
  private static final class Tolerant extends CopyOnWriteArraySet<Object> {
    private static final long serialVersionUID = 1L;

    @Override
    public void forEach(Consumer<? super Object> action) {
      for (Object listener : this) {
        try {
          action.accept(listener);
        } catch (RejectedExecutionException e) {
          remove(listener); // its watch is closing; it would have left the set anyway
        }
      }
    }
  }
}
