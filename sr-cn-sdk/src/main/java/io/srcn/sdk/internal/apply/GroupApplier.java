package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.KubernetesOperationException;
import io.srcn.sdk.ObjectChange;
import io.srcn.sdk.ObjectChange.Action;
import io.srcn.sdk.Plan;
import io.srcn.sdk.internal.render.HpaVersion;
import io.srcn.sdk.internal.render.RenderOptions;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a group's rendered objects on the cluster and takes them off again; the lifecycle engine's
 * entry point to Kubernetes writes (it does scaling itself).
 *
 * <ul>
 *   <li>{@link #apply}: server-side apply (field manager {@code sr-cn-sdk}, forced conflicts) of
 *       whatever differs; an apply with nothing to change reads five objects and writes nothing.
 *   <li>{@link #plan}: the same decisions, without writing.
 *   <li>{@link #delete}: the HPA first (so it stops scaling), then StatefulSet,
 *       PodDisruptionBudget, Service and ConfigMap; objects already gone are reported unchanged, so
 *       it is idempotent.
 * </ul>
 *
 * <p>Thread-safe if the client is; operations on the same group must not run concurrently.
 */
public final class GroupApplier {
  private static final Logger LOG = LoggerFactory.getLogger(GroupApplier.class);
  private static final List<ObjectKind> DELETE_ORDER =
      List.of(
          ObjectKind.AUTOSCALER,
          ObjectKind.STATEFUL_SET,
          ObjectKind.POD_DISRUPTION_BUDGET,
          ObjectKind.SERVICE,
          ObjectKind.CONFIG_MAP);

  /** What the first deploy applies before it knows the StatefulSet's UID, in this order. */
  private static final Set<ObjectKind> FIRST_PASS =
      EnumSet.of(ObjectKind.CONFIG_MAP, ObjectKind.SERVICE, ObjectKind.STATEFUL_SET);

  private final KubernetesClient client;
  private final Writer writer;
  private final ApiDiscovery discovery;

  /** An applier writing through {@code client}. */
  public GroupApplier(KubernetesClient client) {
    this.client = Objects.requireNonNull(client, "client");
    this.writer = new Writer(client);
    this.discovery = new ApiDiscovery(this.client);
  }

  /**
   * Applies the group.
   *
   * @throws io.srcn.sdk.InvalidSpecException when the spec is incomplete
   * @throws KubernetesOperationException when a call fails, or an object with one of the group's
   *     names exists but is not the SDK's
   */
  public Plan apply(ComputeNodeGroupSpec spec) {
    return apply(spec, true, null);
  }

  /**
   * Applies the group only if the spec recorded on its StatefulSet is still {@code basedOn} (the
   * annotation as the writer read it), as a compare-and-set: the check reads the StatefulSet, and
   * the StatefulSet's write carries that read's {@code resourceVersion} as a precondition (the API
   * server answers 409 Conflict when the object changed in between: {@code Store.Update} in
   * kubernetes {@code staging/src/k8s.io/apiserver/pkg/registry/generic/registry/store.go}; a patch
   * that carries a {@code resourceVersion} is held to it, kubernetes issue #63104). A group without
   * a StatefulSet is created unconditionally.
   *
   * @throws SpecSupersededException when another writer recorded another spec first; nothing of the
   *     StatefulSet was changed by this call
   * @throws KubernetesOperationException when a call fails
   */
  public Plan applyOver(ComputeNodeGroupSpec spec, String basedOn) {
    return apply(spec, true, Objects.requireNonNull(basedOn, "basedOn"));
  }

  /**
   * Applies the group only if its StatefulSet exists and is not marked suspended: repairs drift of
   * a live group, never resurrects one whose StatefulSet was deleted, and never undoes a suspend or
   * delete in progress (the controller's apply; its caches may not show the mark yet, this read
   * does).
   *
   * <p>The StatefulSet's write carries the {@code resourceVersion} this call read, so a repair
   * never overwrites a spec recorded after its read.
   *
   * @return the changes; none when the StatefulSet does not exist, is suspended, or records a newer
   *     spec than {@code spec}
   * @throws SpecSupersededException when a newer spec was recorded between the read and the
   *     StatefulSet write (objects written before it may carry the older spec: apply the newest)
   */
  public Plan repair(ComputeNodeGroupSpec spec) {
    return apply(spec, false, null);
  }

  /**
   * The spec recorded on the group's live StatefulSet (one GET), as the raw annotation: what a
   * writer builds on and then passes to {@link #applyOver}. Empty when the StatefulSet or its
   * annotation is absent.
   *
   * @throws KubernetesOperationException when the read fails
   */
  public Optional<String> recordedSpec(String namespace, String group) {
    ResourceRef ref = ObjectKind.STATEFUL_SET.ref(namespace, group);
    HasMetadata sts =
        KubeErrors.call(
            "read",
            ref,
            List.of("get"),
            () -> client.apps().statefulSets().inNamespace(namespace).withName(ref.name()).get());
    return Optional.ofNullable(sts).map(GroupApplier::recorded);
  }

  private static String recorded(HasMetadata sts) {
    var annotations = sts.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(Labels.SPEC_ANNOTATION);
  }

  /**
   * True when the live StatefulSet records another spec than {@code spec}: someone (a handle's
   * update) applied a newer one that the repairer's cache does not show yet; re-applying the old
   * spec would undo that update.
   */
  private static boolean newerSpec(HasMetadata sts, ComputeNodeGroupSpec spec) {
    String recorded = recorded(sts);
    if (recorded == null || recorded.equals(spec.toCanonicalJson())) {
      return false;
    }
    try { // an annotation written by another SDK version may differ only in its form
      return !ComputeNodeGroupSpec.fromCanonicalJson(recorded).equals(spec);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Plan apply(ComputeNodeGroupSpec spec, boolean create, String basedOn) {
    spec.validate();
    RenderOptions options = options(spec);
    LiveObjects live = LiveObjects.read(client, spec.namespace(), spec.name(), hpaApi());
    String precondition = null;
    if ((basedOn != null || !create) && live.get(ObjectKind.STATEFUL_SET).isPresent()) {
      // a conditional apply, or a repair: its StatefulSet write must not land on a spec recorded
      // after this read (a repair deciding on an older spec would otherwise overwrite it)
      HasMetadata sts = live.get(ObjectKind.STATEFUL_SET).get();
      if (basedOn != null && !basedOn.equals(recorded(sts))) {
        throw new SpecSupersededException(spec.namespace(), spec.name(), null);
      }
      precondition = sts.getMetadata().getResourceVersion();
    }
    if (!create
        && live.get(ObjectKind.STATEFUL_SET)
            .map(
                sts ->
                    Labels.isSuspended(sts.getMetadata().getAnnotations()) || newerSpec(sts, spec))
            .orElse(true)) {
      return new Plan(List.of());
    }
    List<ObjectChange> done = new ArrayList<>();
    Set<ObjectKind> firstPass = EnumSet.noneOf(ObjectKind.class);
    if (live.get(ObjectKind.STATEFUL_SET).isEmpty()) {
      // ConfigMap and Service before the StatefulSet, so its first pods find their volume
      for (Step step : new Planner(spec, options, live).steps()) {
        if (FIRST_PASS.contains(step.kind())) {
          HasMetadata result = execute(step, spec, options, done);
          if (result != null) {
            live.put(step.kind(), result);
          }
          firstPass.add(step.kind());
        }
      }
    }
    String uid = live.get(ObjectKind.STATEFUL_SET).orElseThrow().getMetadata().getUid();
    RenderOptions owned = uid == null ? options : options.withStatefulSetUid(uid);
    for (Step step : new Planner(spec, owned, live).steps()) {
      if (!firstPass.contains(step.kind())) {
        if (precondition != null && step.kind() == ObjectKind.STATEFUL_SET) {
          executeOver(step, spec, owned, precondition, done);
          continue;
        }
        execute(step, spec, owned, done);
      } else if (step.kind() != ObjectKind.STATEFUL_SET && step.action() != Action.UNCHANGED) {
        // the ownerReferences to the new StatefulSet; reported once, as the first pass's change
        writer.execute(step, spec.name(), owned.hpaVersion());
      }
    }
    return new Plan(done);
  }

  /**
   * What {@link #apply} would do, without writing.
   *
   * @throws io.srcn.sdk.InvalidSpecException when the spec is incomplete
   * @throws KubernetesOperationException when a read fails
   */
  public Plan plan(ComputeNodeGroupSpec spec) {
    spec.validate();
    RenderOptions options = options(spec);
    return planOn(spec, options, LiveObjects.read(client, spec.namespace(), spec.name(), hpaApi()));
  }

  /**
   * What {@link #repair} would change if the group's objects were {@code copies}: the controller's
   * drift check from its informer caches, making no request (API discovery aside, once per
   * applier). The Planner compares exactly as for a repair, so copies equal to the live objects
   * give exactly the repair's decision. Copies may lag the API server: a stale copy can show drift
   * that is gone (or not yet show drift); acting on it is safe because {@link #repair} reads every
   * object again and keeps its guards before it writes anything.
   *
   * @param copies the group's objects as cached, absent ones omitted; copies of other kinds or
   *     names are ignored
   * @return the changes a repair would make; empty when the objects are as {@code spec} renders
   * @throws io.srcn.sdk.InvalidSpecException when the spec is incomplete
   * @throws KubernetesOperationException when a copy of one of the group's names is not the SDK's,
   *     or the spec needs an HPA API the cluster does not serve
   */
  public Plan drift(ComputeNodeGroupSpec spec, Collection<? extends HasMetadata> copies) {
    spec.validate();
    return planOn(spec, options(spec), LiveObjects.of(spec.name(), copies));
  }

  private static Plan planOn(ComputeNodeGroupSpec spec, RenderOptions options, LiveObjects live) {
    RenderOptions owned =
        live.get(ObjectKind.STATEFUL_SET)
            .map(s -> s.getMetadata().getUid())
            .map(options::withStatefulSetUid)
            .orElse(options);
    return new Plan(new Planner(spec, owned, live).steps().stream().map(Step::toChange).toList());
  }

  /**
   * Deletes the group's objects: HPA, StatefulSet (its pods go with it), PodDisruptionBudget,
   * Service, ConfigMap. Objects that are absent, or that carry another owner's labels, are left
   * alone and reported {@link Action#UNCHANGED}. PersistentVolumeClaims of the storage volumes are
   * kept, as Kubernetes keeps them for a deleted StatefulSet.
   *
   * @throws KubernetesOperationException when a call fails
   */
  public Plan delete(String namespace, String group) {
    Optional<HpaVersion> hpaApi = hpaApi();
    LiveObjects live = LiveObjects.read(client, namespace, group, hpaApi);
    List<ObjectChange> done = new ArrayList<>();
    for (ObjectKind kind : DELETE_ORDER) {
      ResourceRef ref = kind.ref(namespace, group);
      Optional<HasMetadata> current = live.get(kind);
      boolean ours = current.filter(o -> LiveObjects.isManaged(o, group)).isPresent();
      if (current.isPresent() && !ours) {
        LOG.warn(
            "not deleting {} {}/{}: not managed by sr-cn-sdk", ref.kind(), namespace, ref.name());
      }
      if (ours) {
        // A 404 here means the garbage collector removed it after its owner: deleted all the same.
        writer.delete(kind, ref, hpaApi.orElse(HpaVersion.V2));
      }
      done.add(
          ObjectChange.of(
              ref.kind(), namespace, ref.name(), ours ? Action.DELETE : Action.UNCHANGED));
    }
    return new Plan(done);
  }

  /**
   * Deletes only the group's HPA (so it stops scaling), as suspend and delete do first.
   *
   * @return true when an HPA was deleted
   * @throws KubernetesOperationException when the call fails
   */
  public boolean deleteAutoscaler(String namespace, String group) {
    Optional<HpaVersion> hpaApi = hpaApi();
    if (hpaApi.isEmpty()) {
      return false;
    }
    LiveObjects live = LiveObjects.read(client, namespace, group, hpaApi);
    Optional<HasMetadata> hpa = live.get(ObjectKind.AUTOSCALER);
    if (hpa.isEmpty() || !LiveObjects.isManaged(hpa.get(), group)) {
      return false;
    }
    writer.delete(ObjectKind.AUTOSCALER, ObjectKind.AUTOSCALER.ref(namespace, group), hpaApi.get());
    return true;
  }

  /** The HPA API version of the cluster (discovered once per applier), or empty if none. */
  public Optional<HpaVersion> hpaApi() {
    return discovery.hpaVersion();
  }

  private RenderOptions options(ComputeNodeGroupSpec spec) {
    Optional<HpaVersion> version = hpaApi();
    if (spec.autoscaling().isPresent() && version.isEmpty()) {
      throw new KubernetesOperationException(
          "apply",
          "HorizontalPodAutoscaler",
          spec.namespace(),
          Names.autoscaler(spec.name()),
          0,
          "the cluster serves neither autoscaling/v2 nor autoscaling/v2beta2 (API discovery)",
          null);
    }
    return RenderOptions.defaults().withHpaVersion(version.orElse(HpaVersion.V2));
  }

  /** Writes the StatefulSet only if it is still at {@code resourceVersion}. */
  private void executeOver(
      Step step,
      ComputeNodeGroupSpec spec,
      RenderOptions options,
      String resourceVersion,
      List<ObjectChange> done) {
    try {
      writer.execute(step, spec.name(), options.hpaVersion(), resourceVersion);
    } catch (KubernetesOperationException e) {
      if (e.code() == 409) {
        throw new SpecSupersededException(spec.namespace(), spec.name(), e);
      }
      throw e;
    }
    done.add(step.toChange());
  }

  private HasMetadata execute(
      Step step, ComputeNodeGroupSpec spec, RenderOptions options, List<ObjectChange> done) {
    HasMetadata result = writer.execute(step, spec.name(), options.hpaVersion());
    done.add(step.toChange());
    return result;
  }
}
