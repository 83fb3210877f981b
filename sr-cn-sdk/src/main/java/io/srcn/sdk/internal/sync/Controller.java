package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.GroupEventListener;
import io.srcn.sdk.GroupStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ComputeNodeController}: leadership (optional) around a {@link ControllerLoop} that
 * does the work. Losing leadership stops the loop; the controller then campaigns again.
 *
 * <p>Thread-safe.
 */
public final class Controller implements ComputeNodeController {
  private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

  private final KubernetesClient client;
  private final ControllerSettings settings;
  private final Engine engine;
  private final boolean ownsEngine;
  private final Map<GroupKey, GroupStatus> statuses = new ConcurrentHashMap<>();
  private final Leadership leadership;
  private ControllerLoop loop;
  private boolean started;
  private boolean stopped;

  /**
   * A controller (not started) working with {@code engine}; it closes the engine on stop when
   * {@code ownsEngine}.
   */
  public Controller(
      KubernetesClient client, Engine engine, boolean ownsEngine, ControllerSettings settings) {
    this.client = client;
    this.settings = settings;
    this.engine = engine;
    this.ownsEngine = ownsEngine;
    this.leadership = new Leadership(client, settings.lease(), this::lead, this::follow);
  }

  @Override
  public synchronized ComputeNodeController start() {
    if (stopped) {
      throw new IllegalStateException("a stopped controller cannot start again; build a new one");
    }
    if (!started) {
      started = true;
      leadership.start();
    }
    return this;
  }

  @Override
  public void stop() {
    synchronized (this) {
      if (stopped) {
        return;
      }
      stopped = true;
    }
    leadership.stop();
    follow();
    if (ownsEngine) {
      engine.close();
    }
  }

  @Override
  public void close() {
    stop();
  }

  @Override
  public synchronized boolean isLeader() {
    return loop != null;
  }

  @Override
  public Optional<GroupStatus> status(String namespace, String name) {
    return Optional.ofNullable(statuses.get(new GroupKey(namespace, name)));
  }

  @Override
  public List<GroupStatus> statuses() {
    List<GroupStatus> all = new ArrayList<>(statuses.values());
    all.sort(Comparator.comparing(GroupStatus::namespace).thenComparing(GroupStatus::name));
    return all;
  }

  @Override
  public synchronized void reconcile(String namespace, String name) {
    if (loop != null) {
      loop.enqueue(new GroupKey(namespace, name));
    }
  }

  @Override
  public void addListener(GroupEventListener listener) {
    engine.addListener(listener);
  }

  @Override
  public Metrics metrics() {
    return new Metrics() {
      @Override
      public long frontendListings() {
        return engine.frontends.listings();
      }

      @Override
      public long eventsPending() {
        return engine.eventsPending();
      }

      @Override
      public long eventRequests() {
        return engine.eventStats().requests();
      }

      @Override
      public long eventsDropped() {
        return engine.eventStats().dropped();
      }

      @Override
      public int groups() {
        synchronized (Controller.this) {
          return loop == null ? 0 : loop.groups();
        }
      }
    };
  }

  private void lead() {
    synchronized (this) {
      if (stopped || loop != null) {
        return;
      }
      loop = new ControllerLoop(client, engine, settings, statuses);
    }
    try {
      loop.start();
      LOG.info(
          "controller started{}",
          settings.lease().map(l -> " as leader " + l.identity()).orElse(""));
    } catch (CnSdkException e) {
      LOG.error("controller could not start: {}", e.getMessage());
      follow();
      throw e;
    }
  }

  private void follow() {
    ControllerLoop current;
    synchronized (this) {
      current = loop;
      loop = null;
    }
    if (current != null) {
      current.close();
      LOG.info("controller stopped working");
    }
  }
}
