package io.srcn.sdk.internal.status;

import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.GhostNode;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.internal.Violations;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JSON form of a {@link GroupStatus}: compact, keys in a fixed order (the order of the
 * accessors), absent values left out, instants in ISO-8601 ({@link Instant#toString()}), condition
 * statuses spelled as in Kubernetes ({@code True}/{@code False}/{@code Unknown}). Reading is the
 * exact inverse; unknown keys are ignored so newer writers stay readable.
 *
 * <p>Uses fabric8's serialization with plain maps, so no Jackson type appears in the API.
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusJson {
  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private StatusJson() {}

  /** Writes the status as compact JSON. */
  public static String write(GroupStatus status) {
    return JSON.asJson(toMap(status));
  }

  /**
   * Reads a status written by {@link #write(GroupStatus)}.
   *
   * @throws InvalidSpecException listing every missing or mistyped field, or saying the text is not
   *     JSON
   */
  public static GroupStatus read(String json) {
    Violations violations = new Violations("status");
    Object parsed = parse(json, violations);
    violations.throwIfAny();
    JsonFields root = JsonFields.root(parsed, violations);
    violations.throwIfAny();
    GroupStatus.Builder b = GroupStatus.builder();
    b.namespace(root.string("namespace"))
        .name(root.string("name"))
        .observedGeneration(root.longValue("observedGeneration"))
        .observedAt(root.instant("observedAt"))
        .desiredReplicas(root.integer("desiredReplicas"))
        .currentReplicas(root.integer("currentReplicas"))
        .readyReplicas(root.integer("readyReplicas"));
    root.optObject("hpa").ifPresent(h -> build(h, () -> b.hpa(hpa(h))));
    root.objects("conditions").forEach(c -> build(c, () -> b.addConditions(condition(c))));
    root.objects("nodes").forEach(n -> build(n, () -> b.addNodes(node(n))));
    root.objects("ghosts").forEach(g -> build(g, () -> b.addGhosts(ghost(g))));
    root.optObject("addressMode")
        .ifPresent(
            a ->
                build(
                    a,
                    () -> {
                      String inUse = a.string("inUse");
                      try {
                        b.addressModeInUse(AddressMode.valueOf(inUse));
                      } catch (IllegalArgumentException e) {
                        a.violations().add("inUse", "must be AUTO, FQDN or POD_IP, was " + inUse);
                      }
                      b.addressModeReason(a.string("reason"));
                    }));
    violations.throwIfAny();
    return b.build();
  }

  static Map<String, Object> toMap(GroupStatus s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("namespace", s.namespace());
    m.put("name", s.name());
    m.put("observedGeneration", s.observedGeneration());
    m.put("observedAt", s.observedAt().toString());
    m.put("desiredReplicas", s.desiredReplicas());
    m.put("currentReplicas", s.currentReplicas());
    m.put("readyReplicas", s.readyReplicas());
    s.hpa().ifPresent(h -> m.put("hpa", toMap(h)));
    m.put("conditions", s.conditions().stream().map(StatusJson::toMap).toList());
    m.put("nodes", s.nodes().stream().map(StatusJson::toMap).toList());
    m.put("ghosts", s.ghosts().stream().map(StatusJson::toMap).toList());
    s.addressModeInUse()
        .ifPresent(
            a -> {
              Map<String, Object> mode = new LinkedHashMap<>();
              mode.put("inUse", a.name());
              mode.put("reason", s.addressModeReason().orElse(""));
              m.put("addressMode", mode);
            });
    return m;
  }

  private static Map<String, Object> toMap(HpaStatus h) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("minReplicas", h.minReplicas());
    m.put("maxReplicas", h.maxReplicas());
    m.put("currentReplicas", h.currentReplicas());
    m.put("desiredReplicas", h.desiredReplicas());
    putIfPresent(m, "lastScaleTime", h.lastScaleTime().map(Instant::toString));
    putIfPresent(m, "apiVersion", h.apiVersion());
    return m;
  }

  private static Map<String, Object> toMap(Condition c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", c.type());
    m.put("status", c.status().kubernetesValue());
    m.put("reason", c.reason());
    m.put("message", c.message());
    putIfPresent(m, "lastTransitionTime", c.lastTransitionTime().map(Instant::toString));
    return m;
  }

  private static Map<String, Object> toMap(NodeStatus n) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pod", n.pod());
    m.put("ordinal", n.ordinal());
    putIfPresent(m, "address", n.address());
    m.put("phase", n.phase());
    m.put("ready", n.ready());
    m.put("terminating", n.terminating());
    m.put("restarts", n.restarts());
    m.put("registered", n.registered());
    putIfPresent(m, "alive", n.alive());
    putIfPresent(m, "statusCode", n.statusCode());
    putIfPresent(m, "lastHeartbeat", n.lastHeartbeat().map(Instant::toString));
    n.runningQueries().ifPresent(q -> m.put("runningQueries", q));
    putIfPresent(m, "errMsg", n.errMsg());
    putIfPresent(m, "hint", n.hint());
    return m;
  }

  private static Map<String, Object> toMap(GhostNode g) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("address", g.address());
    m.put("ordinal", g.ordinal());
    m.put("alive", g.alive());
    putIfPresent(m, "errMsg", g.errMsg());
    m.put("dropPending", g.dropPending());
    return m;
  }

  private static HpaStatus hpa(JsonFields f) {
    return HpaStatus.builder()
        .minReplicas(f.integer("minReplicas"))
        .maxReplicas(f.integer("maxReplicas"))
        .currentReplicas(f.integer("currentReplicas"))
        .desiredReplicas(f.integer("desiredReplicas"))
        .lastScaleTime(f.optInstant("lastScaleTime"))
        .apiVersion(f.optString("apiVersion"))
        .build();
  }

  private static Condition condition(JsonFields f) {
    Condition.Builder b =
        Condition.builder()
            .type(f.string("type"))
            .status(conditionStatus(f))
            .reason(f.string("reason"))
            .message(f.string("message"));
    return b.lastTransitionTime(f.optInstant("lastTransitionTime")).build();
  }

  private static ConditionStatus conditionStatus(JsonFields f) {
    String value = f.string("status");
    try {
      return ConditionStatus.fromKubernetesValue(value);
    } catch (IllegalArgumentException e) {
      f.violations().add("status", e.getMessage());
      return ConditionStatus.UNKNOWN;
    }
  }

  private static NodeStatus node(JsonFields f) {
    OptionalInt queries = f.optInteger("runningQueries");
    return NodeStatus.builder()
        .pod(f.string("pod"))
        .ordinal(f.integer("ordinal"))
        .address(f.optString("address"))
        .phase(f.string("phase"))
        .ready(f.bool("ready"))
        .terminating(f.bool("terminating"))
        .restarts(f.integer("restarts"))
        .registered(f.bool("registered"))
        .alive(f.optBool("alive"))
        .statusCode(f.optString("statusCode"))
        .lastHeartbeat(f.optInstant("lastHeartbeat"))
        .runningQueries(queries)
        .errMsg(f.optString("errMsg"))
        .hint(f.optString("hint"))
        .build();
  }

  private static GhostNode ghost(JsonFields f) {
    return GhostNode.builder()
        .address(f.string("address"))
        .ordinal(f.integer("ordinal"))
        .alive(f.bool("alive"))
        .errMsg(f.optString("errMsg"))
        .dropPending(f.bool("dropPending"))
        .build();
  }

  /**
   * Runs one element's read-and-build step. When the fields read cleanly but the value fails its
   * own checks, those are recorded under the element's path; when a field was missing or mistyped,
   * that is already recorded and the follow-on failure is not repeated.
   */
  private static void build(JsonFields f, Runnable step) {
    int before = f.violations().list().size();
    try {
      step.run();
    } catch (InvalidSpecException e) {
      if (f.violations().list().size() == before) {
        e.violations().forEach(v -> f.violations().add("", v.toString()));
      }
    }
  }

  private static Object parse(String json, Violations violations) {
    if (json == null || json.isBlank()) {
      violations.add("", "expected JSON, got an empty text");
      return null;
    }
    try {
      return JSON.unmarshal(json, Object.class);
    } catch (RuntimeException e) {
      violations.add("", "not valid JSON: " + rootMessage(e));
      return null;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    String message = String.valueOf(t.getMessage());
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  private static void putIfPresent(Map<String, Object> m, String key, Optional<?> value) {
    value.ifPresent(v -> m.put(key, v));
  }
}
