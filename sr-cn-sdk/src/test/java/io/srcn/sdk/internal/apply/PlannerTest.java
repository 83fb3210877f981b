package io.srcn.sdk.internal.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.KubernetesOperationException;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.internal.render.GroupRenderer;
import io.srcn.sdk.internal.render.Json;
import io.srcn.sdk.internal.render.RenderOptions;
import io.srcn.sdk.internal.render.RenderedObjects;
import io.srcn.sdk.naming.Labels;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The planner's decisions, on live objects built in memory. */
class PlannerTest {
  private static final RenderOptions OPTIONS = RenderOptions.defaults().withStatefulSetUid("u1");

  private static ComputeNodeGroupSpec fixed() {
    return ComputeNodeGroups.create("g")
        .inNamespace("ns")
        .image("starrocks/cn-ubuntu:3.3.5")
        .replicas(3);
  }

  private static ComputeNodeGroupSpec autoscaled() {
    return fixed().autoscale(Autoscaling.between(2, 5).onCpu(70));
  }

  /** What the cluster holds after applying {@code spec}: the applied objects, server-decorated. */
  private static Map<ObjectKind, HasMetadata> applied(ComputeNodeGroupSpec spec) {
    RenderedObjects r = GroupRenderer.render(spec, OPTIONS);
    Map<ObjectKind, HasMetadata> live = new EnumMap<>(ObjectKind.class);
    for (ObjectKind kind : ObjectKind.values()) {
      kind.desired(r).ifPresent(d -> live.put(kind, decorate(d)));
    }
    return live;
  }

  /** Adds the hash, server fields and a few defaults the API server would add. */
  private static HasMetadata decorate(HasMetadata desired) {
    Map<String, Object> tree = Json.toMap(desired);
    HasMetadata live = AppliedHash.annotate(desired, AppliedHash.of(tree));
    live.getMetadata().setUid("u1");
    live.getMetadata().setResourceVersion("7");
    if (live instanceof StatefulSet s) {
      s.getSpec().setRevisionHistoryLimit(10);
      s.getSpec().getTemplate().getSpec().setRestartPolicy("Always");
      s.getSpec()
          .getTemplate()
          .getSpec()
          .getContainers()
          .get(0)
          .setTerminationMessagePath("/dev/termination-log");
      if (s.getSpec().getReplicas() == null) {
        s.getSpec().setReplicas(4); // set by the HPA
      }
    }
    return live;
  }

  private static List<Step> plan(ComputeNodeGroupSpec spec, Map<ObjectKind, HasMetadata> live) {
    return new Planner(spec, OPTIONS, LiveObjects.of(live)).steps();
  }

  @Test
  void nothingLiveMeansCreateWithConfigMapAndServiceBeforeTheStatefulSet() {
    // the first pods must find their cn.conf volume: no FailedMount on the first deploy
    assertThat(plan(autoscaled(), Map.of()))
        .extracting(s -> s.kind() + " " + s.action())
        .containsExactly(
            "CONFIG_MAP CREATE",
            "SERVICE CREATE",
            "STATEFUL_SET CREATE",
            "AUTOSCALER CREATE",
            "POD_DISRUPTION_BUDGET CREATE");
  }

  @Test
  void aNewAutoscaledStatefulSetStartsAtTheMinimumAndHandsTheFieldOver() {
    ComputeNodeGroupSpec spec = autoscaled();
    int min = spec.autoscaling().orElseThrow().minReplicas();
    Step create =
        plan(spec, Map.of()).stream()
            .filter(s -> s.kind() == ObjectKind.STATEFUL_SET)
            .findFirst()
            .orElseThrow();
    assertThat(((StatefulSet) create.desired()).getSpec().getReplicas()).isEqualTo(min);
    assertThat(create.handoverReplicas()).hasValue(min);
    // the rendered object leaves replicas to the HPA, and the applied hash is the rendered one's
    assertThat(spec.render().statefulSet().getSpec().getReplicas()).isNull();
    assertThat(plan(fixed(), Map.of()).stream().filter(s -> s.kind() == ObjectKind.STATEFUL_SET))
        .allSatisfy(s -> assertThat(s.handoverReplicas()).isEmpty());
  }

  @Test
  void appliedObjectsWithServerDefaultsAreUnchanged() {
    assertThat(plan(autoscaled(), applied(autoscaled())))
        .extracting(Step::action)
        .containsOnly(Action.UNCHANGED);
    assertThat(plan(fixed(), applied(fixed())))
        .extracting(Step::action)
        .containsOnly(Action.UNCHANGED);
  }

  @Test
  void anExistingStatefulSetComesAfterItsConfigMap() {
    assertThat(plan(fixed().config("sys_log_level", "WARN"), applied(fixed())))
        .extracting(s -> s.kind() + " " + s.action())
        .containsExactly(
            "CONFIG_MAP UPDATE",
            "SERVICE UNCHANGED",
            "STATEFUL_SET UPDATE",
            "POD_DISRUPTION_BUDGET UNCHANGED");
  }

  @Test
  void removingAutoscalingDeletesTheHpaBeforeTheStatefulSetTakesReplicas() {
    List<Step> steps = plan(fixed(), applied(autoscaled()));
    assertThat(steps)
        .extracting(s -> s.kind() + " " + s.action())
        .containsExactly(
            "CONFIG_MAP UNCHANGED",
            "SERVICE UNCHANGED",
            "AUTOSCALER DELETE",
            "STATEFUL_SET UPDATE",
            "POD_DISRUPTION_BUDGET UNCHANGED");
    Step sts = steps.get(3);
    assertThat(sts.changedFields()).contains("spec.replicas");
    assertThat(sts.handoverReplicas()).isEmpty();
    assertThat(((StatefulSet) sts.desired()).getSpec().getReplicas()).isEqualTo(3);
  }

  @Test
  void addingAutoscalingHandsTheCurrentReplicasOver() {
    Map<ObjectKind, HasMetadata> live = applied(fixed().replicas(6));
    List<Step> steps = plan(autoscaled(), live);
    assertThat(steps)
        .extracting(s -> s.kind() + " " + s.action())
        .containsExactly(
            "CONFIG_MAP UNCHANGED",
            "SERVICE UNCHANGED",
            "STATEFUL_SET UPDATE",
            "AUTOSCALER CREATE",
            "POD_DISRUPTION_BUDGET UNCHANGED");
    Step sts = steps.get(2);
    assertThat(sts.handoverReplicas()).hasValue(6);
    assertThat(sts.changedFields()).contains(Planner.REPLICAS_HANDED_OVER, "spec.replicas");
    assertThat(((StatefulSet) sts.desired()).getSpec().getReplicas()).isNull();
  }

  @Test
  void aRemovedFieldIsFoundThroughThePreviousSpec() {
    Map<ObjectKind, HasMetadata> live = applied(fixed().nodeSelector("zone", "a"));
    Step sts =
        plan(fixed(), live).stream()
            .filter(s -> s.kind() == ObjectKind.STATEFUL_SET)
            .findFirst()
            .orElseThrow();
    assertThat(sts.action()).isEqualTo(Action.UPDATE);
    assertThat(sts.changedFields()).contains("spec.template.spec.nodeSelector");
  }

  @Test
  void aHashMismatchAloneStillUpdates() {
    Map<ObjectKind, HasMetadata> live = applied(fixed());
    live.get(ObjectKind.SERVICE)
        .getMetadata()
        .getAnnotations()
        .put(Labels.APPLIED_HASH_ANNOTATION, "old-rendering");
    Step svc = plan(fixed(), live).get(1);
    assertThat(svc.action()).isEqualTo(Action.UPDATE);
    assertThat(svc.changedFields()).containsExactly(Planner.RENDERING_CHANGED);
  }

  @Test
  void desiredObjectsCarryTheirHash() {
    Step cm = plan(fixed(), Map.of()).get(1);
    assertThat(cm.desired().getMetadata().getAnnotations())
        .containsKey(Labels.APPLIED_HASH_ANNOTATION);
  }

  @Test
  void anObjectOfAnotherOwnerStopsThePlan() {
    Map<ObjectKind, HasMetadata> live = applied(fixed());
    live.get(ObjectKind.CONFIG_MAP).getMetadata().getLabels().remove(Labels.MANAGED_BY);
    assertThatThrownBy(() -> plan(fixed(), live))
        .isInstanceOf(KubernetesOperationException.class)
        .hasMessageContaining("not managed by sr-cn-sdk");
  }
}
