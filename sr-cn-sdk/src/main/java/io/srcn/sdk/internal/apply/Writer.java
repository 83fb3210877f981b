package io.srcn.sdk.internal.apply;

import io.fabric8.kubernetes.api.model.DeletionPropagation;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.srcn.sdk.internal.render.HpaVersion;
import io.srcn.sdk.naming.Labels;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applier's writes: server-side apply with field manager {@code sr-cn-sdk} and forced
 * conflicts, the replicas handover, and deletes. Every failure becomes a {@code
 * KubernetesOperationException} with a hint.
 *
 * <p>Conflicts are forced: the SDK is the owner of these objects, so a field someone changed by
 * hand (say the image, with {@code kubectl edit}) is taken back rather than failing the apply. The
 * one field the SDK must not take back, {@code spec.replicas} under an HPA, it never sends.
 *
 * <p>Thread-safe if the client is.
 */
final class Writer {
  /** The server-side apply field manager. */
  static final String FIELD_MANAGER = Labels.MANAGED_BY_VALUE;

  /** The field manager that keeps {@code spec.replicas} when autoscaling is switched on. */
  static final String HANDOVER_FIELD_MANAGER = "sr-cn-sdk-handover";

  private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

  private final KubernetesClient client;

  Writer(KubernetesClient client) {
    this.client = client;
  }

  /** Performs one step; returns the object as the server returned it (null unless applied). */
  HasMetadata execute(Step step, String group, HpaVersion hpaVersion) {
    return execute(step, group, hpaVersion, null);
  }

  /**
   * Performs one step; an update whose {@code resourceVersion} is not null is sent with it as a
   * precondition (409 Conflict when the object changed since); with a replicas handover, the
   * handover write carries the precondition and the apply the version the handover produced.
   */
  HasMetadata execute(Step step, String group, HpaVersion hpaVersion, String resourceVersion) {
    ResourceRef ref = step.kind().ref(step.namespace(), group);
    switch (step.action()) {
      case CREATE, UPDATE -> {
        boolean create = step.action() == io.srcn.sdk.ObjectChange.Action.CREATE;
        String precondition = create ? null : resourceVersion;
        if (!create && step.handoverReplicas().isPresent()) {
          HasMetadata handed = handOver(ref, step.handoverReplicas().getAsInt(), precondition);
          precondition = precondition == null ? null : handed.getMetadata().getResourceVersion();
        }
        List<String> verbs = create ? List.of("create", "patch") : List.of("patch");
        LOG.info("{} {} {}/{}", step.action(), ref.kind(), ref.namespace(), ref.name());
        HasMetadata desired = step.desired();
        if (precondition != null) {
          desired = io.srcn.sdk.internal.render.Json.copy(desired);
          desired.getMetadata().setResourceVersion(precondition);
        }
        HasMetadata toApply = desired;
        HasMetadata result = KubeErrors.call("apply", ref, verbs, () -> apply(toApply));
        if (!create && result != null) {
          result = takeOverLists(step, ref, hpaVersion, result);
        }
        if (create) {
          // created with its starting replicas; the handover manager keeps them from now on
          step.handoverReplicas().ifPresent(n -> handOver(ref, n));
        }
        return result;
      }
      case DELETE -> {
        delete(step.kind(), ref, hpaVersion);
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /** Deletes one object (its dependents in the background); an absent object is no error. */
  void delete(ObjectKind kind, ResourceRef ref, HpaVersion hpaVersion) {
    LOG.info("delete {} {}/{}", ref.kind(), ref.namespace(), ref.name());
    KubeErrors.call(
        "delete",
        ref,
        List.of("delete"),
        () ->
            kind.handle(client, ref.namespace(), ref.name(), hpaVersion)
                .withPropagationPolicy(DeletionPropagation.BACKGROUND)
                .delete());
  }

  /**
   * Sets the {@code spec} fields the apply could not take back (list items another field manager
   * owns, {@link ListTakeover}) with a JSON merge patch held to the applied {@code resourceVersion}
   * (409 Conflict when the object changed since the apply).
   */
  private HasMetadata takeOverLists(
      Step step, ResourceRef ref, HpaVersion hpaVersion, HasMetadata applied) {
    Set<String> fields = ListTakeover.fieldsLeft(step.desired(), applied);
    Optional<String> patch = ListTakeover.patch(step.desired(), applied, fields);
    if (patch.isEmpty()) {
      return applied;
    }
    LOG.info(
        "replace spec {} of {} {}/{}: items of another field manager stay after an apply",
        fields,
        ref.kind(),
        ref.namespace(),
        ref.name());
    return KubeErrors.call(
        "replace lists of",
        ref,
        List.of("patch"),
        () ->
            step.kind()
                .handle(client, ref.namespace(), ref.name(), hpaVersion)
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch.get()));
  }

  private HasMetadata apply(HasMetadata desired) {
    return client.resource(desired).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
  }

  /**
   * Applies only {@code spec.replicas = n} as {@link #HANDOVER_FIELD_MANAGER}, so that the field
   * keeps a manager when the SDK's next apply leaves it out for the HPA.
   */
  private HasMetadata handOver(ResourceRef ref, int replicas) {
    return handOver(ref, replicas, null);
  }

  private HasMetadata handOver(ResourceRef ref, int replicas, String resourceVersion) {
    StatefulSet partial =
        new StatefulSetBuilder()
            .withNewMetadata()
            .withName(ref.name())
            .withNamespace(ref.namespace())
            .withResourceVersion(resourceVersion)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .endSpec()
            .build();
    LOG.info(
        "hand spec.replicas={} of {}/{} over to {}",
        replicas,
        ref.namespace(),
        ref.name(),
        HANDOVER_FIELD_MANAGER);
    return KubeErrors.call(
        "hand over replicas of",
        ref,
        List.of("patch"),
        () ->
            client
                .resource(partial)
                .fieldManager(HANDOVER_FIELD_MANAGER)
                .forceConflicts()
                .serverSideApply());
  }
}
