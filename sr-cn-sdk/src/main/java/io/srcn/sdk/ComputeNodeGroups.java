package io.srcn.sdk;

import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.apply.GroupApplier;
import io.srcn.sdk.internal.check.Preflight;
import io.srcn.sdk.internal.render.RequiredRole;
import io.srcn.sdk.internal.spec.LegacyManifest;
import io.srcn.sdk.internal.spec.SpecCodec;
import io.srcn.sdk.internal.spec.SpecRules;
import io.srcn.sdk.internal.sync.Engine;
import io.srcn.sdk.internal.sync.GroupHandle;
import io.srcn.sdk.internal.sync.RecordedSpec;
import java.io.Reader;
import java.time.Clock;
import java.util.List;

/**
 * The entry point of the SDK.
 *
 * <pre>{@code
 * ComputeNodeGroupSpec spec = ComputeNodeGroups.create("analytics")
 *     .inNamespace("starrocks")
 *     .image("starrocks/cn-ubuntu:3.3.5")
 *     .autoscale(Autoscaling.between(1, 10).onCpu(60))
 *     .registerWith(Frontend.at("fe-0.fe-search.starrocks.svc:9030")
 *         .credentials(Credentials.fromSecret("fe-account")));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ComputeNodeGroups {
  private ComputeNodeGroups() {}

  /**
   * A new spec with defaults for everything but the name: namespace {@code default}, 1 replica,
   * default ports and probes. Set an image before deploying; {@link
   * ComputeNodeGroupSpec#validate()} checks it.
   *
   * @param name the group name, a DNS-1035 label of at most 40 characters
   * @throws InvalidSpecException when the name is invalid
   */
  public static ComputeNodeGroupSpec create(String name) {
    return ImmutableComputeNodeGroupSpec.builder().name(SpecRules.nonNull("name", name)).build();
  }

  /**
   * Translates a seed-era manifest ({@code apiVersion: starrocks.com/v1alpha1}, {@code kind:
   * ComputeNodeGroup}) into a spec, with a warning for every field that cannot be carried over.
   * Pods are registered by IP ({@link AddressMode#POD_IP}), as the legacy operator did; switch to
   * {@link AddressMode#FQDN} when the FE runs in FQDN mode. The reader is not closed.
   *
   * @throws InvalidSpecException naming the manifest fields that are malformed or invalid
   */
  public static LegacyImport fromLegacyManifest(Reader manifest) {
    LegacyManifest.Translation t = LegacyManifest.translate(SpecCodec.readAll(manifest));
    return LegacyImport.of(SpecAssembly.build(t.draft()), t.warnings());
  }

  /**
   * Re-attaches to a deployed group from the spec recorded on its StatefulSet ({@code
   * srcn.io/spec}), with a private {@link ComputeNodeClient} session owned by the returned handle
   * (see {@link ComputeNodeClient#group(String, String)} to share one). A group deployed with
   * literal FE credentials cannot recover its password from the cluster: use {@link
   * #get(KubernetesClient, String, String, CredentialsResolver)} with a resolver that supplies it,
   * otherwise its status reports {@code Degraded}.
   *
   * @throws GroupNotFoundException when there is no such group
   * @throws RecordedSpecException when the StatefulSet was not deployed by sr-cn-sdk
   */
  public static ComputeNodeGroup get(KubernetesClient kube, String namespace, String name) {
    return get(kube, namespace, name, CredentialsResolver.kubernetes(kube));
  }

  /**
   * As {@link #get(KubernetesClient, String, String)}, resolving credentials with {@code resolver}.
   */
  public static ComputeNodeGroup get(
      KubernetesClient kube, String namespace, String name, CredentialsResolver resolver) {
    ComputeNodeGroupSpec spec = RecordedSpec.read(kube, namespace, name);
    return GroupHandle.attach(new Engine(kube, resolver, Clock.systemUTC()), true, spec);
  }

  /** {@link ComputeNodeGroupSpec#plan}: an applier of its own, so no session threads. */
  static Plan planOnce(KubernetesClient kube, ComputeNodeGroupSpec spec) {
    return new GroupApplier(kube).plan(spec);
  }

  /** {@link ComputeNodeGroupSpec#deploy}: a handle owning a private session. */
  static ComputeNodeGroup deployPrivately(
      KubernetesClient kube,
      CredentialsResolver resolver,
      ComputeNodeGroupSpec spec,
      GroupEventListener... listeners) {
    return GroupHandle.deploy(new Engine(kube, resolver, Clock.systemUTC()), true, spec, listeners);
  }

  /**
   * Preflight: whether {@code spec} can work on this cluster and FE, before anything is created.
   * Read-only checks, each PASS, WARN or FAIL with a one-line reason and a fix: the Kubernetes API
   * (server version), the namespace, every verb and resource of {@link #requiredRole} (one {@code
   * SelfSubjectAccessReview} each, naming the missing ones), with autoscaling the HPA API version
   * and, for CPU or memory targets, the metrics API; the FE credentials (never printing a value),
   * each FE address (reachable, login, the NODE privilege, version, host mode and what AUTO will
   * use, the warehouse against the FE version and whether the FE has it), and the image's CN
   * version against the graceful preStop. The FE probes are {@code ALTER SYSTEM DROP COMPUTE NODE
   * '192.0.2.1:1' [FROM WAREHOUSE w]}, an address no node has, which change nothing. Waits for each
   * call in turn (bounded by the client's and the FE's timeouts).
   *
   * @param resolver resolves credentials that refer to a Secret (e.g. {@link
   *     CredentialsResolver#kubernetes})
   */
  public static PreflightReport check(
      KubernetesClient kube, ComputeNodeGroupSpec spec, CredentialsResolver resolver) {
    return Preflight.run(kube, spec.validate(), resolver);
  }

  /**
   * The specs of every group deployed in {@code namespace}, as recorded on their StatefulSets
   * (never a password), sorted by name. One Kubernetes list call; attach to one with {@link
   * #get(KubernetesClient, String, String)}.
   *
   * @throws KubernetesOperationException when the list call fails (e.g. RBAC: {@code list} on
   *     {@code statefulsets.apps})
   * @throws CnSdkException naming the StatefulSet when one carries no readable spec
   */
  public static List<ComputeNodeGroupSpec> list(KubernetesClient kube, String namespace) {
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException(
          "namespace must not be null or blank; use listInAnyNamespace(kube) for all namespaces");
    }
    return RecordedSpec.list(kube, namespace);
  }

  /**
   * As {@link #list(KubernetesClient, String)}, across every namespace the client may list in,
   * sorted by namespace and name. Needs a ClusterRole with {@code list} on {@code
   * statefulsets.apps}.
   */
  public static List<ComputeNodeGroupSpec> listInAnyNamespace(KubernetesClient kube) {
    return RecordedSpec.list(kube, null);
  }

  /**
   * The names of group {@code name}'s objects in {@code namespace}, in the default cluster domain
   * (use {@link ComputeNodeGroupSpec#objectNames()} for another). Does not call the cluster.
   *
   * @throws InvalidSpecException when the name or namespace is invalid
   */
  public static GroupObjectNames objectNames(String namespace, String name) {
    return create(name).inNamespace(namespace).objectNames();
  }

  /**
   * The minimal RBAC Role the SDK needs in {@code namespace} (name {@code sr-cn-sdk}): get, create,
   * patch and delete on the group's ConfigMaps, Services, StatefulSets, HorizontalPodAutoscalers
   * and PodDisruptionBudgets; list and watch where the controller watches; the StatefulSet {@code
   * scale} and {@code status} subresources; pods get/list/watch; secrets get (credentials); events
   * create/patch; leases for leader election. Bind it to the SDK's service account with a
   * RoleBinding. A fresh object on each call.
   */
  public static Role requiredRole(String namespace) {
    return RequiredRole.role(namespace);
  }
}
