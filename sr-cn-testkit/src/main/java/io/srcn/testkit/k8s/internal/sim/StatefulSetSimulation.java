package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.StatefulSetSimulator;
import io.srcn.testkit.k8s.Transition;
import io.srcn.testkit.k8s.internal.ApiDispatcher;
import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.ObjectFilter;
import io.srcn.testkit.k8s.internal.PodNames;
import io.srcn.testkit.k8s.internal.StoreChange;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The StatefulSet simulator: wires the controller and the kubelet to store changes and implements
 * the public settings and faults.
 *
 * <p>Thread-safe; all simulation runs on the controllers' single thread.
 */
public final class StatefulSetSimulation implements StatefulSetSimulator {
  private final ScheduledExecutorService executor;
  private final InternalClient client;
  private final ApiResource statefulSets;
  private final ApiResource pods;
  private final SimSettings settings;
  private final TransitionLog log = new TransitionLog();
  private final Kubelet kubelet;
  private final StatefulSetController controller;
  private final EndpointsController endpoints;
  private final DisruptionController budgets;

  /** Attaches a simulator to the dispatcher. */
  public StatefulSetSimulation(
      ApiDispatcher server,
      ScheduledExecutorService executor,
      Duration readyDelay,
      Duration terminationDelay) {
    this.executor = executor;
    this.client = new InternalClient(server);
    this.statefulSets = server.resources().find("apps", "v1", "statefulsets").orElseThrow();
    this.pods = server.resources().find("", "v1", "pods").orElseThrow();
    this.settings = new SimSettings(readyDelay, terminationDelay);
    this.kubelet = new Kubelet(client, pods, settings, executor);
    StatefulSetHistory history =
        new StatefulSetHistory(
            client,
            server.resources().find("apps", "v1", "controllerrevisions").orElseThrow(),
            server.resources().find("", "v1", "events").orElseThrow());
    this.controller =
        new StatefulSetController(client, statefulSets, pods, settings, executor, history);
    this.endpoints =
        new EndpointsController(
            client,
            server.resources().find("", "v1", "services").orElseThrow(),
            pods,
            server.resources().find("", "v1", "endpoints").orElseThrow(),
            server.resources().find("discovery.k8s.io", "v1", "endpointslices").orElseThrow(),
            executor);
    this.budgets =
        new DisruptionController(
            client,
            server.resources().find("policy", "v1", "poddisruptionbudgets").orElseThrow(),
            pods,
            statefulSets,
            executor);
    server.addListener(this::onChange);
  }

  /** Runs under the store lock: leaves the work to the simulator thread. */
  private void onChange(StoreChange change) {
    String json = change.after() != null ? change.after() : change.before();
    if (json.contains("\"Pod\"")
        || json.contains("\"StatefulSet\"")
        || json.contains("\"Service\"")
        || json.contains("\"PodDisruptionBudget\"")) {
      run(() -> observe(change));
    }
  }

  private void observe(StoreChange change) {
    JsonNode before = change.before() == null ? null : Json.parse(change.before());
    JsonNode after = change.after() == null ? null : Json.parse(change.after());
    log.add(TransitionDetector.between(before, after, change.at()));
    JsonNode obj = after != null ? after : before;
    String kind = Json.text(obj, "kind");
    String ns = Json.text(obj, "metadata", "namespace");
    String name = Json.text(obj, "metadata", "name");
    if (ns == null || name == null) {
      return;
    }
    String key = PodNames.key(ns, name);
    String apiVersion = Json.text(obj, "apiVersion");
    if ("Service".equals(kind) && "v1".equals(apiVersion)) {
      endpoints.serviceChanged(ns, name);
      return;
    }
    if ("PodDisruptionBudget".equals(kind) && "policy/v1".equals(apiVersion)) {
      budgets.budgetChanged(ns, name);
      return;
    }
    if ("Pod".equals(kind) && "v1".equals(apiVersion)) {
      budgets.podChanged(ns, before, after);
    } else if ("StatefulSet".equals(kind) && "apps/v1".equals(apiVersion)) {
      budgets.statefulSetChanged(ns, name);
    }
    if ("Pod".equals(kind) && "v1".equals(apiVersion)) {
      endpoints.podChanged(obj);
      if (change.removed()) {
        kubelet.forget(key);
      } else {
        kubelet.enqueue(key);
      }
      for (JsonNode ref : obj.path("metadata").path("ownerReferences")) {
        if ("StatefulSet".equals(Json.text(ref, "kind"))) {
          controller.enqueue(PodNames.key(ns, Json.text(ref, "name")));
        }
      }
    } else if ("StatefulSet".equals(kind) && "apps/v1".equals(Json.text(obj, "apiVersion"))) {
      if (!change.removed()) {
        controller.enqueue(key);
      }
    }
  }

  @Override
  public Duration readyDelay() {
    return settings.readyDelay();
  }

  @Override
  public StatefulSetSimulator readyDelay(Duration delay) {
    settings.readyDelay(nonNegative(delay, "readyDelay"));
    return this;
  }

  @Override
  public Duration terminationDelay() {
    return settings.terminationDelay();
  }

  @Override
  public StatefulSetSimulator terminationDelay(Duration delay) {
    settings.terminationDelay(nonNegative(delay, "terminationDelay"));
    return this;
  }

  @Override
  public void crashPod(String namespace, String pod) {
    String key = PodNames.key(required(namespace, "namespace"), required(pod, "pod"));
    run(() -> kubelet.crash(key));
  }

  @Override
  public void failReadiness(String namespace, String pod, boolean failing) {
    String key = PodNames.key(required(namespace, "namespace"), required(pod, "pod"));
    settings.failing(key, failing);
    run(() -> kubelet.enqueue(key));
  }

  @Override
  public void deletePod(String namespace, String pod) {
    client.delete(pods, required(namespace, "namespace"), required(pod, "pod"), null);
  }

  @Override
  public void freeze(boolean frozen) {
    settings.frozen(frozen);
    if (!frozen) {
      run(this::resyncAll);
    }
  }

  @Override
  public boolean frozen() {
    return settings.frozen();
  }

  @Override
  public List<Transition> history() {
    return log.snapshot();
  }

  @Override
  public void clearHistory() {
    log.clear();
  }

  private void resyncAll() {
    for (ObjectNode pod : client.list(pods, null, ObjectFilter.labels(null))) {
      kubelet.enqueue(
          PodNames.key(
              Json.text(pod, "metadata", "namespace"), Json.text(pod, "metadata", "name")));
    }
    for (ObjectNode sts : client.list(statefulSets, null, ObjectFilter.labels(null))) {
      controller.enqueue(
          PodNames.key(
              Json.text(sts, "metadata", "namespace"), Json.text(sts, "metadata", "name")));
    }
  }

  private void run(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // stopped
    }
  }

  private static Duration nonNegative(Duration d, String what) {
    Objects.requireNonNull(d, what);
    if (d.isNegative()) {
      throw new IllegalArgumentException(what + " must not be negative: " + d);
    }
    return d;
  }

  private static String required(String value, String what) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return value;
  }
}
