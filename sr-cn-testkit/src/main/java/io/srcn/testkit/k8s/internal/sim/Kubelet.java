package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.KubeletNames;
import io.srcn.testkit.k8s.internal.PodNames;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulated kubelet of node {@value KubeletNames#NODE}: moves its pods Pending → Running →
 * Ready, applies readiness faults and crashes, and finishes graceful deletion after the termination
 * delay.
 *
 * <p>Runs on the controllers' single thread only (not thread-safe by itself).
 */
final class Kubelet {
  /** What the kubelet remembers about one pod incarnation. */
  private static final class PodState {
    final String uid;
    final long createdNanos;
    long readyAtNanos;
    long terminatingSinceNanos = -1;
    String ip;

    PodState(String uid, long createdNanos) {
      this.uid = uid;
      this.createdNanos = createdNanos;
    }
  }

  private final InternalClient client;
  private final ApiResource pods;
  private final SimSettings settings;
  private final WorkQueue queue;
  private final Map<String, PodState> states = new ConcurrentHashMap<>();
  private final AtomicInteger ips = new AtomicInteger();

  Kubelet(
      InternalClient client,
      ApiResource pods,
      SimSettings settings,
      ScheduledExecutorService executor) {
    this.client = client;
    this.pods = pods;
    this.settings = settings;
    this.queue = new WorkQueue(executor, this::sync);
  }

  /** Schedules a look at the pod. */
  void enqueue(String podKey) {
    queue.add(podKey);
  }

  /** Forgets a pod that left the store. */
  void forget(String podKey) {
    states.remove(podKey);
  }

  /** Crashes the pod's containers now (no-op unless it is running). */
  void crash(String podKey) {
    Optional<ObjectNode> found =
        client.get(pods, PodNames.namespaceOf(podKey), PodNames.nameOf(podKey));
    if (found.isEmpty()
        || PodStatus.isTerminating(found.get())
        || !"Running".equals(Json.text(found.get(), "status", "phase"))) {
      return;
    }
    ObjectNode pod = found.get();
    PodState st = state(podKey, pod);
    int restarts = PodStatus.restartCount(pod) + 1;
    writeStatus(podKey, PodStatus.running(pod, ip(st), false, restarts, true));
    st.readyAtNanos = System.nanoTime() + settings.readyDelay().toNanos();
    queue.addAfter(podKey, settings.readyDelay().toNanos());
  }

  private void sync(String podKey) {
    if (settings.frozen()) {
      return;
    }
    Optional<ObjectNode> found =
        client.get(pods, PodNames.namespaceOf(podKey), PodNames.nameOf(podKey));
    if (found.isEmpty() || !KubeletNames.runsOnMockNode(found.get())) {
      return;
    }
    ObjectNode pod = found.get();
    PodState st = state(podKey, pod);
    if (PodStatus.isTerminating(pod)) {
      terminate(podKey, pod, st);
    } else {
      advance(podKey, pod, st);
    }
  }

  private void advance(String podKey, ObjectNode pod, PodState st) {
    long now = System.nanoTime();
    String phase = Json.text(pod, "status", "phase");
    if (phase == null || (phase.equals("Pending") && !pod.path("status").has("startTime"))) {
      writeStatus(podKey, PodStatus.pending(pod));
      queue.addAfter(podKey, st.createdNanos + settings.readyDelay().toNanos() / 2 - now);
    } else if (phase.equals("Pending")) {
      long due = st.createdNanos + settings.readyDelay().toNanos() / 2;
      if (now < due) {
        queue.addAfter(podKey, due - now);
        return;
      }
      writeStatus(podKey, PodStatus.running(pod, ip(st), false, 0, false));
      st.readyAtNanos = Math.max(now, st.createdNanos + settings.readyDelay().toNanos());
      queue.addAfter(podKey, st.readyAtNanos - now);
    } else if (phase.equals("Running")) {
      readiness(podKey, pod, st, now);
    }
  }

  private void readiness(String podKey, ObjectNode pod, PodState st, long now) {
    boolean ready = PodStatus.isReady(pod);
    int restarts = PodStatus.restartCount(pod);
    if (settings.failing(podKey)) {
      if (ready) {
        writeStatus(podKey, PodStatus.running(pod, ip(st), false, restarts, false));
      }
      return;
    }
    if (ready) {
      return;
    }
    if (st.readyAtNanos == 0) {
      st.readyAtNanos = now + settings.readyDelay().toNanos();
    }
    if (now < st.readyAtNanos) {
      queue.addAfter(podKey, st.readyAtNanos - now);
      return;
    }
    writeStatus(podKey, PodStatus.running(pod, ip(st), true, restarts, false));
  }

  private void terminate(String podKey, ObjectNode pod, PodState st) {
    long now = System.nanoTime();
    if (st.terminatingSinceNanos < 0) {
      st.terminatingSinceNanos = now;
      if (PodStatus.isReady(pod)) {
        writeStatus(
            podKey, PodStatus.running(pod, ip(st), false, PodStatus.restartCount(pod), false));
      }
    }
    long due = st.terminatingSinceNanos + settings.terminationDelay().toNanos();
    if (now < due) {
      queue.addAfter(podKey, due - now);
      return;
    }
    client.delete(
        pods, PodNames.namespaceOf(podKey), PodNames.nameOf(podKey), "gracePeriodSeconds=0");
  }

  private PodState state(String podKey, JsonNode pod) {
    String uid = Json.text(pod, "metadata", "uid");
    PodState st = states.get(podKey);
    if (st == null || !st.uid.equals(uid)) {
      st = new PodState(uid, System.nanoTime());
      String ip = Json.text(pod, "status", "podIP");
      st.ip = ip;
      states.put(podKey, st);
    }
    return st;
  }

  private String ip(PodState st) {
    if (st.ip == null) {
      int n = ips.getAndIncrement();
      st.ip = "10.244." + (n / 250) + "." + (n % 250 + 2);
    }
    return st.ip;
  }

  private void writeStatus(String podKey, ObjectNode status) {
    ObjectNode patch = Json.object();
    patch.set("status", status);
    client.mergePatch(pods, PodNames.namespaceOf(podKey), PodNames.nameOf(podKey), "status", patch);
  }
}
