package io.srcn.it.campaign;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeController;
import java.time.Duration;

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

  Controllers(CampaignFixture fixture, String namespace) {
    this.fixture = fixture;
    this.namespace = namespace;
  }

  /**
   * Starts a controller unless one runs. A start that fails (its informers could not list in time
   * on a loaded machine) is retried with a new controller, as a platform would.
   */
  void ensureRunning() {
    for (int attempt = 1; current == null; attempt++) {
      ComputeNodeController c =
          ComputeNodeController.builder(fixture.k8s.client())
              .namespace(namespace)
              .resyncPeriod(RESYNC)
              .workers(2)
              .credentialsResolver((credentials, ns) -> fixture.fe.frontend().credentials())
              .build();
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
  }
}
