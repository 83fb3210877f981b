package io.srcn.testkit.k8s.internal.sim;

import io.srcn.testkit.k8s.internal.ApiException;
import io.srcn.testkit.k8s.internal.ApiResource;
import io.srcn.testkit.k8s.internal.InternalClient;
import io.srcn.testkit.k8s.internal.Json;
import io.srcn.testkit.k8s.internal.ObjectFilter;
import io.srcn.testkit.k8s.internal.PodNames;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Endpoints and EndpointSlice controllers for Services with a selector (kubernetes
 * pkg/controller/endpoint/endpoints_controller.go, pkg/controller/endpointslice and
 * staging/src/k8s.io/endpointslice/utils.go): pods with an IP that match the selector; in Endpoints
 * a Ready pod is in {@code addresses}, any other in {@code notReadyAddresses}, and a terminating
 * pod is left out, unless {@code publishNotReadyAddresses}, which puts every pod in {@code
 * addresses}. The one EndpointSlice per Service ({@code <svc>-<suffix>}, owned by the Service,
 * labels {@code kubernetes.io/service-name} and {@code endpointslice.kubernetes.io/managed-by})
 * keeps terminating pods with their ready, serving and terminating conditions. Headless Services
 * give each address the pod's hostname when the pod's subdomain is the Service. Named target ports
 * resolve against the pod's container ports.
 *
 * <p>Not modelled: several subsets or slices (ports that differ per pod), more than 1,000
 * endpoints, IPv6, topology hints.
 *
 * <p>Thread-safe: syncs run on the simulator thread.
 */
final class EndpointsController {
  private final InternalClient client;
  private final ApiResource services;
  private final ApiResource pods;
  private final ApiResource endpoints;
  private final ApiResource slices;
  private final WorkQueue queue;
  private final SelectorIndex selectors = new SelectorIndex();

  EndpointsController(
      InternalClient client,
      ApiResource services,
      ApiResource pods,
      ApiResource endpoints,
      ApiResource slices,
      ScheduledExecutorService executor) {
    this.client = client;
    this.services = services;
    this.pods = pods;
    this.endpoints = endpoints;
    this.slices = slices;
    this.queue = new WorkQueue(executor, this::sync);
  }

  /** A Service changed. */
  void serviceChanged(String ns, String name) {
    queue.add(PodNames.key(ns, name));
  }

  /**
   * A pod changed: every Service of its namespace whose selector matches it is synced (the
   * selectors as each Service's last sync read them; a Service not synced yet has its sync queued
   * already and reads the pods then).
   */
  void podChanged(JsonNode pod) {
    String ns = Json.text(pod, "metadata", "namespace");
    for (String svc : selectors.matching(ns, pod.path("metadata").path("labels"))) {
      queue.add(PodNames.key(ns, svc));
    }
  }

  private void sync(String key) {
    String ns = PodNames.namespaceOf(key);
    String name = PodNames.nameOf(key);
    Optional<ObjectNode> svc = client.get(services, ns, name);
    if (svc.isEmpty()) {
      selectors.remove(ns, name);
    } else {
      selectors.put(ns, name, svc.get().path("spec").path("selector"));
    }
    if (svc.isEmpty() || svc.get().path("spec").path("selector").isEmpty()) {
      deleteIfPresent(endpoints, ns, name); // slices go with their owner (garbage collector)
      return;
    }
    JsonNode spec = svc.get().path("spec");
    boolean publishNotReady = spec.path("publishNotReadyAddresses").asBoolean(false);
    boolean headless = "None".equals(Json.text(spec, "clusterIP"));
    List<ObjectNode> selected =
        client.list(pods, ns, ObjectFilter.labels(MatchLabels.of(spec.path("selector"))));
    ArrayNode ready = Json.array();
    ArrayNode notReady = Json.array();
    ArrayNode sliceEndpoints = Json.array();
    JsonNode firstPod = null;
    for (ObjectNode pod : selected) {
      String ip = Json.text(pod, "status", "podIP");
      String phase = Json.text(pod, "status", "phase");
      if (ip == null || "Succeeded".equals(phase) || "Failed".equals(phase)) {
        continue;
      }
      boolean terminating = PodStatus.isTerminating(pod);
      boolean podReady = PodStatus.isReady(pod);
      ObjectNode address = address(pod, ip, name, headless);
      if (!terminating || publishNotReady) {
        (podReady || publishNotReady ? ready : notReady).add(address);
        firstPod = firstPod == null ? pod : firstPod;
      }
      ObjectNode e = sliceEndpoints.addObject();
      e.putArray("addresses").add(ip);
      e.putObject("conditions")
          .put("ready", publishNotReady || (podReady && !terminating))
          .put("serving", podReady)
          .put("terminating", terminating);
      if (address.has("hostname")) {
        e.put("hostname", Json.text(address, "hostname"));
      }
      if (address.has("nodeName")) {
        e.put("nodeName", Json.text(address, "nodeName"));
      }
      e.set("targetRef", address.get("targetRef").deepCopy());
    }
    ArrayNode ports =
        ports(spec, firstPod != null ? firstPod : selected.isEmpty() ? null : selected.get(0));
    writeEndpoints(svc.get(), ns, name, ready, notReady, ports, headless);
    writeSlice(svc.get(), ns, name, sliceEndpoints, ports, headless);
  }

  private static ObjectNode address(JsonNode pod, String ip, String svc, boolean headless) {
    ObjectNode a = Json.object().put("ip", ip);
    String hostname = Json.text(pod, "spec", "hostname");
    if (headless && hostname != null && svc.equals(Json.text(pod, "spec", "subdomain"))) {
      a.put("hostname", hostname);
    }
    String node = Json.text(pod, "spec", "nodeName");
    if (node != null) {
      a.put("nodeName", node);
    }
    a.putObject("targetRef")
        .put("kind", "Pod")
        .put("namespace", Json.text(pod, "metadata", "namespace"))
        .put("name", Json.text(pod, "metadata", "name"))
        .put("uid", Json.text(pod, "metadata", "uid"));
    return a;
  }

  /** The Service's ports with target ports resolved (FindPort in pkg/api/v1/pod/util.go). */
  private static ArrayNode ports(JsonNode spec, JsonNode pod) {
    ArrayNode out = Json.array();
    for (JsonNode p : spec.path("ports")) {
      JsonNode target = p.path("targetPort");
      Integer port = target.isNumber() ? Integer.valueOf(target.asInt()) : null;
      if (target.isMissingNode() || target.isNull()) {
        port = p.path("port").asInt();
      } else if (target.isString() && pod != null) {
        for (JsonNode c : pod.path("spec").path("containers")) {
          for (JsonNode cp : c.path("ports")) {
            if (target.asString().equals(Json.text(cp, "name"))) {
              port = cp.path("containerPort").asInt();
            }
          }
        }
      }
      if (port == null) {
        continue;
      }
      ObjectNode o = out.addObject();
      if (p.hasNonNull("name")) {
        o.put("name", Json.text(p, "name"));
      }
      o.put("port", port).put("protocol", MatchLabels.orDefault(Json.text(p, "protocol"), "TCP"));
    }
    return out;
  }

  private void writeEndpoints(
      ObjectNode svc,
      String ns,
      String name,
      ArrayNode ready,
      ArrayNode notReady,
      ArrayNode ports,
      boolean headless) {
    ObjectNode ep = Json.object().put("apiVersion", "v1").put("kind", "Endpoints");
    ObjectNode meta = ep.putObject("metadata").put("name", name).put("namespace", ns);
    meta.set("labels", labels(svc, headless));
    if (!ready.isEmpty() || !notReady.isEmpty()) {
      ObjectNode subset = ep.putArray("subsets").addObject();
      if (!ready.isEmpty()) {
        subset.set("addresses", ready);
      }
      if (!notReady.isEmpty()) {
        subset.set("notReadyAddresses", notReady);
      }
      if (!ports.isEmpty()) {
        subset.set("ports", ports.deepCopy());
      }
    }
    upsert(endpoints, ns, name, ep, List.of("metadata", "subsets"));
  }

  private void writeSlice(
      ObjectNode svc, String ns, String name, ArrayNode eps, ArrayNode ports, boolean headless) {
    List<ObjectNode> existing =
        client.list(slices, ns, ObjectFilter.labels("kubernetes.io/service-name=" + name));
    ObjectNode slice =
        Json.object().put("apiVersion", "discovery.k8s.io/v1").put("kind", "EndpointSlice");
    ObjectNode meta = slice.putObject("metadata").put("namespace", ns);
    String sliceName =
        existing.isEmpty()
            ? name + "-" + Long.toString(Math.abs(System.nanoTime()) % 60466176L, 36)
            : Json.text(existing.get(0), "metadata", "name");
    meta.put("name", sliceName);
    ObjectNode labels = labels(svc, headless);
    labels.put("kubernetes.io/service-name", name);
    labels.put("endpointslice.kubernetes.io/managed-by", "endpointslice-controller.k8s.io");
    meta.set("labels", labels);
    meta.putArray("ownerReferences")
        .addObject()
        .put("apiVersion", "v1")
        .put("kind", "Service")
        .put("name", name)
        .put("uid", Json.text(svc, "metadata", "uid"))
        .put("controller", true)
        .put("blockOwnerDeletion", true);
    slice.put("addressType", "IPv4");
    slice.set("endpoints", eps);
    slice.set("ports", ports.deepCopy());
    upsert(slices, ns, sliceName, slice, List.of("metadata", "addressType", "endpoints", "ports"));
  }

  private static ObjectNode labels(JsonNode svc, boolean headless) {
    ObjectNode labels = Json.object();
    svc.path("metadata")
        .path("labels")
        .properties()
        .forEach(e -> labels.set(e.getKey(), e.getValue().deepCopy()));
    if (headless) {
      labels.put("service.kubernetes.io/headless", "");
    }
    return labels;
  }

  /** Creates the object, or replaces it when one of the compared fields differs. */
  private void upsert(
      ApiResource r, String ns, String name, ObjectNode wanted, List<String> fields) {
    Optional<ObjectNode> current = client.get(r, ns, name);
    if (current.isEmpty()) {
      try {
        client.create(r, ns, wanted);
      } catch (ApiException e) {
        if (e.code() != 409) {
          throw e;
        }
      }
      return;
    }
    ObjectNode cur = current.get();
    boolean same =
        fields.stream()
                .filter(f -> !f.equals("metadata"))
                .allMatch(f -> wanted.path(f).equals(cur.path(f)))
            && wanted.path("metadata").path("labels").equals(cur.path("metadata").path("labels"));
    if (!same) {
      ObjectNode next = cur.deepCopy();
      for (String f : fields) {
        if (f.equals("metadata")) {
          ((ObjectNode) next.get("metadata"))
              .set("labels", wanted.path("metadata").path("labels").deepCopy());
        } else if (wanted.has(f)) {
          next.set(f, wanted.get(f).deepCopy());
        } else {
          next.remove(f);
        }
      }
      client.put(r, ns, name, null, next);
    }
  }

  private void deleteIfPresent(ApiResource r, String ns, String name) {
    try {
      client.delete(r, ns, name, null);
    } catch (ApiException e) {
      if (e.code() != 404) {
        throw e;
      }
    }
  }
}
