package io.srcn.testkit.k8s.internal.sim;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mutable settings and faults shared by the kubelet and the StatefulSet controller.
 *
 * <p>Thread-safe.
 */
final class SimSettings {
  private volatile Duration readyDelay;
  private volatile Duration terminationDelay;
  private volatile boolean frozen;
  private final Set<String> failingReadiness = ConcurrentHashMap.newKeySet();

  SimSettings(Duration readyDelay, Duration terminationDelay) {
    this.readyDelay = readyDelay;
    this.terminationDelay = terminationDelay;
  }

  Duration readyDelay() {
    return readyDelay;
  }

  void readyDelay(Duration d) {
    readyDelay = d;
  }

  Duration terminationDelay() {
    return terminationDelay;
  }

  void terminationDelay(Duration d) {
    terminationDelay = d;
  }

  boolean frozen() {
    return frozen;
  }

  void frozen(boolean f) {
    frozen = f;
  }

  boolean failing(String podKey) {
    return failingReadiness.contains(podKey);
  }

  void failing(String podKey, boolean failing) {
    if (failing) {
      failingReadiness.add(podKey);
    } else {
      failingReadiness.remove(podKey);
    }
  }
}
