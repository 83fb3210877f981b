package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.KubernetesOperationException;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.internal.render.GroupRenderer;
import io.srcn.sdk.internal.render.Json;
import io.srcn.sdk.internal.render.RenderOptions;
import io.srcn.sdk.internal.render.RenderedObjects;
import io.srcn.sdk.naming.Labels;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, without writing, what applying a rendered group to its live objects takes: per object
 * create, update (with the changed paths), unchanged or delete, in the order the applier works.
 *
 * <p>Order: ConfigMap and Service always come first, so the first pods find their cn.conf volume
 * (no {@code FailedMount}) and DNS name, and a new cn.conf is in place before the StatefulSet's
 * changed config hash rolls the pods; then the StatefulSet, HPA and PodDisruptionBudget. A removed
 * HPA is deleted before the StatefulSet takes back {@code replicas}; a new HPA is created after the
 * StatefulSet let go of it. On the first deploy the applier adds the ownerReferences to the
 * StatefulSet's UID to ConfigMap and Service once the StatefulSet exists.
 *
 * <p>An autoscaled StatefulSet is created with {@code replicas} = the HPA's minimum, which is then
 * handed over like on an autoscaling switch, so the group starts at its minimum rather than at one
 * pod.
 *
 * <p>Not thread-safe; one per operation.
 */
final class Planner {
  private static final Logger LOG = LoggerFactory.getLogger(Planner.class);
  static final String RENDERING_CHANGED = "(rendering changed since the last apply)";
  static final String REPLICAS_HANDED_OVER = "spec.replicas (handed over to the autoscaler)";

  private final ComputeNodeGroupSpec spec;
  private final RenderedObjects rendered;
  private final RenderOptions options;
  private final LiveObjects live;

  /** The rendering of the spec last applied (from the StatefulSet annotation); read on demand. */
  /** The rendering recorded on the live StatefulSet; read once, on first use (see previous()). */
  private Optional<RenderedObjects> previousRendering;

  Planner(ComputeNodeGroupSpec spec, RenderOptions options, LiveObjects live) {
    this.spec = spec;
    this.options = options;
    this.rendered = GroupRenderer.render(spec, options);
    this.live = live;
  }

  /** Every step, in the order the applier takes them. */
  List<Step> steps() {
    List<Step> steps = new ArrayList<>();
    for (ObjectKind kind : order()) {
      step(kind).ifPresent(steps::add);
    }
    return steps;
  }

  private List<ObjectKind> order() {
    boolean autoscaled = rendered.autoscaler().isPresent();
    if (live.get(ObjectKind.STATEFUL_SET).isEmpty()) {
      return List.of(
          ObjectKind.CONFIG_MAP,
          ObjectKind.SERVICE,
          ObjectKind.STATEFUL_SET,
          ObjectKind.AUTOSCALER,
          ObjectKind.POD_DISRUPTION_BUDGET);
    }
    List<ObjectKind> order = new ArrayList<>(List.of(ObjectKind.CONFIG_MAP, ObjectKind.SERVICE));
    order.addAll(
        autoscaled
            ? List.of(ObjectKind.STATEFUL_SET, ObjectKind.AUTOSCALER)
            : List.of(ObjectKind.AUTOSCALER, ObjectKind.STATEFUL_SET));
    order.add(ObjectKind.POD_DISRUPTION_BUDGET);
    return order;
  }

  private Optional<Step> step(ObjectKind kind) {
    String name = kind.name(spec.name());
    Optional<HasMetadata> current = live.get(kind);
    current.ifPresent(o -> requireManaged(kind, o));
    Optional<HasMetadata> desired = kind.desired(rendered);
    if (desired.isEmpty()) {
      return current.map(o -> step(kind, name, Action.DELETE, List.of(), null));
    }
    Map<String, Object> tree = Json.toMap(desired.get());
    String hash = AppliedHash.of(tree);
    HasMetadata toApply = AppliedHash.annotate(desired.get(), hash);
    if (current.isEmpty()) {
      OptionalInt startAt = startReplicas(kind);
      if (startAt.isPresent()) {
        HasMetadata withReplicas = Json.copy(toApply);
        ((StatefulSet) withReplicas).getSpec().setReplicas(startAt.getAsInt());
        return Optional.of(
            new Step(
                kind, spec.namespace(), name, Action.CREATE, List.of(), withReplicas, startAt));
      }
      return Optional.of(step(kind, name, Action.CREATE, List.of(), toApply));
    }
    List<String> changed = changedPaths(kind, tree, hash, current.get());
    OptionalInt handover = handover(kind, current.get());
    if (handover.isPresent()) {
      changed = union(changed, List.of(REPLICAS_HANDED_OVER));
    }
    Action action = changed.isEmpty() ? Action.UNCHANGED : Action.UPDATE;
    return Optional.of(
        new Step(
            kind,
            spec.namespace(),
            name,
            action,
            changed,
            action == Action.UNCHANGED ? null : toApply,
            handover));
  }

  private List<String> changedPaths(
      ObjectKind kind, Map<String, Object> tree, String hash, HasMetadata current) {
    List<String> changed = ObjectDiff.changedPaths(comparable(tree), Json.toMap(current));
    if (AppliedHash.onLive(current).filter(hash::equals).isPresent()) {
      return changed;
    }
    List<String> removed =
        previous()
            .flatMap(kind::desired)
            .map(p -> ObjectDiff.removedPaths(Json.toMap(p), tree))
            .orElse(List.of());
    List<String> all = union(changed, removed);
    return all.isEmpty() ? List.of(RENDERING_CHANGED) : all;
  }

  /**
   * The desired tree as compared with the live one: volume claim templates lose the {@code
   * apiVersion}/{@code kind} fabric8 gives every PVC, which the API server need not echo.
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> comparable(Map<String, Object> tree) {
    if (tree.get("spec") instanceof Map<?, ?> spec
        && spec.get("volumeClaimTemplates") instanceof List<?> claims) {
      Map<String, Object> copy = Json.toMap(tree);
      List<Object> stripped = new ArrayList<>();
      for (Object claim : claims) {
        Map<String, Object> c = new LinkedHashMap<>((Map<String, Object>) claim);
        c.remove("apiVersion");
        c.remove("kind");
        stripped.add(c);
      }
      ((Map<String, Object>) copy.get("spec")).put("volumeClaimTemplates", stripped);
      return copy;
    }
    return tree;
  }

  /**
   * When autoscaling is switched on, the StatefulSet's current {@code replicas}, to be handed to
   * another field manager: server-side apply removes a field its manager stops sending, which would
   * drop the StatefulSet to one replica (Kubernetes docs, "migrating to HPA").
   */
  private OptionalInt handover(ObjectKind kind, HasMetadata current) {
    if (kind != ObjectKind.STATEFUL_SET || spec.autoscaling().isEmpty()) {
      return OptionalInt.empty();
    }
    Integer replicas = ((StatefulSet) current).getSpec().getReplicas();
    boolean wasFixed =
        previous()
            .map(p -> p.autoscaler().isEmpty())
            .orElse(live.get(ObjectKind.AUTOSCALER).isEmpty());
    return replicas != null && wasFixed ? OptionalInt.of(replicas) : OptionalInt.empty();
  }

  /** The previous rendering, parsed on first use only (a Planner is confined to one thread). */
  private Optional<RenderedObjects> previous() {
    if (previousRendering == null) {
      previousRendering = live.get(ObjectKind.STATEFUL_SET).flatMap(this::previousRendering);
    }
    return previousRendering;
  }

  /**
   * For a new autoscaled StatefulSet, the replicas it starts with: the HPA's minimum (the rendered
   * object leaves the field to the HPA). The applied-hash annotation stays the one of the rendered
   * object, so the next apply sees no change.
   */
  private OptionalInt startReplicas(ObjectKind kind) {
    if (kind != ObjectKind.STATEFUL_SET) {
      return OptionalInt.empty();
    }
    return spec.autoscaling().map(a -> OptionalInt.of(a.minReplicas())).orElse(OptionalInt.empty());
  }

  private Optional<RenderedObjects> previousRendering(HasMetadata statefulSet) {
    Map<String, String> annotations = statefulSet.getMetadata().getAnnotations();
    String json = annotations == null ? null : annotations.get(Labels.SPEC_ANNOTATION);
    if (json == null) {
      return Optional.empty();
    }
    if (json.equals(
        rendered.statefulSet().getMetadata().getAnnotations().get(Labels.SPEC_ANNOTATION))) {
      return Optional.of(rendered); // the spec has not changed since the last apply
    }
    try {
      return Optional.of(
          GroupRenderer.render(ComputeNodeGroupSpec.fromCanonicalJson(json), options));
    } catch (RuntimeException e) {
      LOG.warn(
          "cannot read the previous spec of {}/{} from its {} annotation: {}",
          spec.namespace(),
          statefulSet.getMetadata().getName(),
          Labels.SPEC_ANNOTATION,
          e.getMessage());
      return Optional.empty();
    }
  }

  private void requireManaged(ObjectKind kind, HasMetadata object) {
    if (!LiveObjects.isManaged(object, spec.name())) {
      ResourceRef ref = kind.ref(spec.namespace(), spec.name());
      throw new KubernetesOperationException(
          "apply",
          ref.kind(),
          ref.namespace(),
          ref.name(),
          409,
          "the object exists but is not managed by sr-cn-sdk for group '"
              + spec.name()
              + "' (labels "
              + Labels.MANAGED_BY
              + ", "
              + Labels.INSTANCE
              + "); delete or rename it, or choose another group name",
          null);
    }
  }

  private Step step(
      ObjectKind kind, String name, Action action, List<String> paths, HasMetadata d) {
    return new Step(kind, spec.namespace(), name, action, paths, d, OptionalInt.empty());
  }

  private static List<String> union(List<String> a, List<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
