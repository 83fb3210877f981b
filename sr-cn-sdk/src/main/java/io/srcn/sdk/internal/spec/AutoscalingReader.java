package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.SelectPolicy;
import io.srcn.sdk.internal.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Reads the {@code spec.autoscaling} mapping of a spec document.
 *
 * <p>Stateless and thread-safe.
 */
final class AutoscalingReader {
  private static final String ROOT = "autoscaling";

  private AutoscalingReader() {}

  static Autoscaling read(Fields f) {
    Violations v = f.violations();
    Integer min = required(f, "minReplicas");
    Integer max = required(f, "maxReplicas");
    Autoscaling a =
        Attempts.make(
            v,
            ROOT,
            () ->
                Autoscaling.between(
                    min == null ? 1 : min, max == null ? Autoscaling.MAX_REPLICAS : max));
    if (a == null) {
      a = Autoscaling.between(1, Autoscaling.MAX_REPLICAS);
    }
    Integer cpu = f.integer("cpuUtilization");
    Integer memory = f.integer("memoryUtilization");
    String cpuValue = f.text("cpuAverageValue");
    String memoryValue = f.text("memoryAverageValue");
    a = cpu == null ? a : Attempts.step(v, ROOT, a, x -> x.onCpu(cpu));
    a = memory == null ? a : Attempts.step(v, ROOT, a, x -> x.onMemory(memory));
    a = cpuValue == null ? a : Attempts.step(v, ROOT, a, x -> x.onCpuAverage(cpuValue));
    a = memoryValue == null ? a : Attempts.step(v, ROOT, a, x -> x.onMemoryAverage(memoryValue));
    List<MetricSpec> metrics = Lists.models(f, "customMetrics", MetricSpec.class);
    for (MetricSpec m : metrics) {
      a = Attempts.step(v, ROOT, a, x -> x.onMetric(m));
    }
    a = behavior(v, f.objectOrNull("scaleUp"), a, true);
    a = behavior(v, f.objectOrNull("scaleDown"), a, false);
    f.done();
    return a;
  }

  /** Applies a scale-up or scale-down mapping; {@code v} is the autoscaling mapping's. */
  private static Autoscaling behavior(Violations v, Fields f, Autoscaling a, boolean up) {
    if (f == null) {
      return a;
    }
    SelectPolicy policy =
        Enums.read(f, "selectPolicy", SelectPolicy.class, SelectPolicy::kubernetesName);
    SelectPolicy select = policy == null ? SelectPolicy.MAX : policy;
    Autoscaling result =
        Attempts.step(v, ROOT, a, x -> up ? x.scaleUpSelect(select) : x.scaleDownSelect(select));
    List<ScalingRule> rules = new ArrayList<>();
    f.list("rules", (ev, o) -> Lists.addUnlessNull(rules, rule(Fields.of(ev, o))));
    if (f.has("rules")) {
      ScalingRule[] array = rules.toArray(ScalingRule[]::new);
      result = Attempts.step(v, ROOT, result, x -> up ? x.scaleUp(array) : x.scaleDown(array));
    }
    Integer window = f.integer("stabilizationWindowSeconds");
    if (window != null) {
      Duration d = Duration.ofSeconds(window);
      result =
          Attempts.step(
              v, ROOT, result, x -> up ? x.scaleUpStabilization(d) : x.scaleDownStabilization(d));
    }
    f.done();
    return result;
  }

  private static ScalingRule rule(Fields f) {
    Violations v = f.violations();
    ScalingRule.Type type =
        Enums.read(f, "type", ScalingRule.Type.class, ScalingRule.Type::kubernetesName);
    Integer value = required(f, "value");
    Integer period = f.integer("periodSeconds");
    f.done();
    if (type == null || value == null) {
      v.require(type != null || f.has("type"), "type", "is required");
      return null;
    }
    Function<Integer, ScalingRule> make =
        type == ScalingRule.Type.PODS ? ScalingRule::pods : ScalingRule::percent;
    ScalingRule rule = Attempts.make(v, "rule", () -> make.apply(value));
    UnaryOperator<ScalingRule> every = r -> r.every(Duration.ofSeconds(period));
    return period == null ? rule : Attempts.step(v, "rule", rule, every);
  }

  static Integer required(Fields f, String key) {
    Integer value = f.integer(key);
    f.violations().require(value != null || f.has(key), key, "is required");
    return value;
  }
}
