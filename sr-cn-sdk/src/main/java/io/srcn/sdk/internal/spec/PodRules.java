package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.Resources;
import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.SpecDefaults;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules of the pod-level parts of a spec: resources, environment, scheduling (node selector,
 * tolerations, affinity, topology spread) and pod metadata (labels, annotations).
 *
 * <p>Stateless and thread-safe.
 */
public final class PodRules {
  private static final Set<String> OPERATORS = Set.of("Exists", "Equal");
  private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
  private static final Set<String> UNSATISFIABLE = Set.of("DoNotSchedule", "ScheduleAnyway");

  private PodRules() {}

  /** Every violation of requests and limits, under the path {@code resources}. */
  public static Violations resources(Resources r) {
    Violations v = new Violations("resources");
    quantities(v.child("requests"), r.requests());
    quantities(v.child("limits"), r.limits());
    r.requests().keySet().stream()
        .sorted()
        .forEach(
            name -> {
              Optional<BigDecimal> request = Quantities.parse(r.requests().get(name));
              Optional<BigDecimal> limit = Quantities.parse(r.limits().get(name));
              if (request.isPresent() && limit.isPresent()) {
                v.require(
                    request.get().compareTo(limit.get()) <= 0,
                    "requests." + name,
                    () -> r.requests().get(name) + " exceeds the limit " + r.limits().get(name));
              }
            });
    return v;
  }

  static void env(Violations v, List<EnvVar> env) {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < env.size(); i++) {
      Violations e = v.child("env[" + i + "]");
      EnvVar var = env.get(i);
      Fabric8Objects.unknownFields(e, var);
      String name = var.getName() == null ? "" : var.getName();
      if (!Syntax.isCIdentifier(name)) {
        e.add("name", Violations.quote(name) + " must be a C identifier [A-Za-z_][A-Za-z0-9_]*");
      } else if (SpecDefaults.RESERVED_ENV.contains(name)) {
        e.add("name", Violations.quote(name) + " is reserved: the SDK sets it");
      } else if (!names.add(name)) {
        e.add("name", Violations.quote(name) + " appears more than once");
      }
      e.require(
          var.getValue() == null || var.getValue().isEmpty() || var.getValueFrom() == null,
          "valueFrom",
          "may not be set together with a value");
    }
  }

  static void scheduling(Violations v, ComputeNodeGroupSpec s) {
    labelMap(v, "nodeSelector", s.nodeSelector());
    for (int i = 0; i < s.tolerations().size(); i++) {
      toleration(v.child("tolerations[" + i + "]"), s.tolerations().get(i));
    }
    s.affinity().ifPresent(a -> Fabric8Objects.unknownFields(v.child("affinity"), a));
    Set<String> spreads = new HashSet<>();
    for (int i = 0; i < s.topologySpreadConstraints().size(); i++) {
      TopologySpreadConstraint c = s.topologySpreadConstraints().get(i);
      Violations t = v.child("topologySpreadConstraints[" + i + "]");
      spread(t, c);
      t.require(
          spreads.add(c.getTopologyKey() + "/" + c.getWhenUnsatisfiable()),
          "",
          "repeats topologyKey and whenUnsatisfiable of an earlier constraint");
    }
  }

  static void metadata(Violations v, ComputeNodeGroupSpec s) {
    labelMap(v, "podLabels", s.podLabels());
    Set<String> standard = Labels.standard(s.name()).keySet();
    s.podLabels().keySet().stream()
        .filter(standard::contains)
        .sorted()
        .forEach(k -> v.add("podLabels." + k, "is a standard label set by the SDK"));
    s.podAnnotations().keySet().stream()
        .sorted()
        .forEach(
            k -> {
              if (!Syntax.isQualifiedName(k)) {
                v.add("podAnnotations", "key " + Violations.quote(k) + " is not a qualified name");
              } else if (k.startsWith(SpecDefaults.RESERVED_ANNOTATION_PREFIX)) {
                v.add("podAnnotations." + k, "the prefix srcn.io/ is reserved for the SDK");
              }
            });
  }

  private static void quantities(Violations v, Map<String, String> quantities) {
    quantities.keySet().stream()
        .sorted()
        .forEach(
            name -> {
              if (!Syntax.isQualifiedName(name)) {
                v.add("", "resource name " + Violations.quote(name) + " is not a qualified name");
                return;
              }
              String q = quantities.get(name);
              v.require(
                  Quantities.isValid(q),
                  name,
                  () -> Violations.quote(q) + " must be " + Quantities.SYNTAX_HINT);
            });
  }

  private static void labelMap(Violations v, String field, Map<String, String> labels) {
    labels.keySet().stream()
        .sorted()
        .forEach(
            k -> {
              if (!Syntax.isQualifiedName(k)) {
                v.add(field, "key " + Violations.quote(k) + " is not a valid label key");
              } else {
                v.require(
                    Syntax.isLabelValue(labels.get(k)),
                    field + "." + k,
                    () ->
                        Violations.quote(labels.get(k))
                            + " is not a valid label value (at most 63 letters, digits, '-', '_', '.')");
              }
            });
  }

  private static void toleration(Violations v, Toleration t) {
    Fabric8Objects.unknownFields(v, t);
    String operator = t.getOperator();
    v.require(
        operator == null || OPERATORS.contains(operator),
        "operator",
        () -> quote(operator) + " must be Exists or Equal");
    v.require(
        t.getEffect() == null || t.getEffect().isEmpty() || EFFECTS.contains(t.getEffect()),
        "effect",
        () -> quote(t.getEffect()) + " must be NoSchedule, PreferNoSchedule or NoExecute");
    boolean exists = "Exists".equals(operator);
    v.require(
        !exists || t.getValue() == null || t.getValue().isEmpty(),
        "value",
        "must be empty when operator is Exists");
    v.require(
        exists || (t.getKey() != null && !t.getKey().isEmpty()),
        "key",
        "is required unless operator is Exists");
    v.require(
        t.getTolerationSeconds() == null || "NoExecute".equals(t.getEffect()),
        "tolerationSeconds",
        "requires effect NoExecute");
  }

  private static void spread(Violations v, TopologySpreadConstraint c) {
    Fabric8Objects.unknownFields(v, c);
    v.require(
        c.getMaxSkew() != null && c.getMaxSkew() >= 1,
        "maxSkew",
        () -> c.getMaxSkew() + " must be >= 1");
    v.require(
        c.getTopologyKey() != null && Syntax.isQualifiedName(c.getTopologyKey()),
        "topologyKey",
        () -> quote(c.getTopologyKey()) + " must be a label key");
    v.require(
        c.getWhenUnsatisfiable() != null && UNSATISFIABLE.contains(c.getWhenUnsatisfiable()),
        "whenUnsatisfiable",
        () -> quote(c.getWhenUnsatisfiable()) + " must be DoNotSchedule or ScheduleAnyway");
  }

  private static String quote(String s) {
    return s == null ? "null" : Violations.quote(s);
  }
}
