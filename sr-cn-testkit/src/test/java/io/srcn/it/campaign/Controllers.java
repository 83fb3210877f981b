package io.srcn.it.campaign;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeClient;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The scenario's embedded controller, watching the scenario's namespace with a short resync, that
 * steps may stop and replace at any moment (a platform process restarting mid-reconcile).
 *
 * <p>Used by one scenario thread.
 */
final class Controllers implements AutoCloseable {
  static final Duration RESYNC = Duration.ofMillis(250);
  private final CampaignFixture fixture;
  private final String namespace;
  private ComputeNodeController current;
  private int started;
  private final ComputeNodeClient session;
  private final Map<String, ComputeNodeGroup> sessionHandles = new HashMap<>();

  Controllers(CampaignFixture fixture, String namespace) {
    this(fixture, namespace, false);
  }

  /**
   * With {@code shared}, every controller (also after a restart) comes from one {@link
   * ComputeNodeClient} session, whose handles {@link #sessionHandle} returns.
   */
  Controllers(CampaignFixture fixture, String namespace, boolean shared) {
    this.fixture = fixture;
    this.namespace = namespace;
    this.session =
        shared
            ? ComputeNodeClient.builder(fixture.k8s.client())
                .credentialsResolver((credentials, ns) -> fixture.fe.frontend().credentials())
                .build()
            : null;
  }

  /** A handle on group {@code name} from the controllers' session (shared mode only). */
  ComputeNodeGroup sessionHandle(String name) {
    if (session == null) {
      throw new IllegalStateException("the controllers do not share a session");
    }
    return sessionHandles.computeIfAbsent(name, n -> session.group(namespace, n));
  }

  /**
   * Starts a controller unless one runs. A start that fails (its informers could not list in time
   * on a loaded machine) is retried with a new controller, as a platform would.
   */
  void ensureRunning() {
    for (int attempt = 1; current == null; attempt++) {
      ComputeNodeController c =
          session == null
              ? ComputeNodeController.builder(fixture.k8s.client())
                  .namespace(namespace)
                  .resyncPeriod(RESYNC)
                  .workers(2)
                  .credentialsResolver((credentials, ns) -> fixture.fe.frontend().credentials())
                  .build()
              : session.controller().namespace(namespace).resyncPeriod(RESYNC).workers(2).build();
      try {
        current = c.start();
        started++;
      } catch (CnSdkException e) {
        c.close();
        if (attempt == 3) {
          throw e;
        }
      }
    }
  }

  /** Stops the running controller and starts a new one. */
  void restart() {
    stop();
    ensureRunning();
  }

  void stop() {
    if (current != null) {
      current.close();
      current = null;
    }
  }

  /** The running controller's view of the groups, for failure reports. */
  String statuses() {
    return current == null
        ? "(no controller running)"
        : current.statuses().stream().map(s -> s.summary()).toList().toString();
  }

  int started() {
    return started;
  }

  @Override
  public void close() {
    stop();
    sessionHandles.values().forEach(ComputeNodeGroup::close);
    if (session != null) {
      session.close();
    }
  }
}
