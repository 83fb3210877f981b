package io.srcn.sdk;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.spec.Fabric8Objects;
import io.srcn.sdk.internal.spec.SpecCodec;
import io.srcn.sdk.internal.spec.SpecDraft;
import io.srcn.sdk.internal.spec.SpecRules;
import io.srcn.sdk.internal.spec.StoredVolumes;
import java.io.Reader;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.immutables.value.Value;

/**
 * Everything about one CN group: Kubernetes settings of its pods, cn.conf entries, autoscaling and
 * the FE it registers with. Created by {@link ComputeNodeGroups#create(String)}; every fluent call
 * returns a new, fully validated spec and leaves the old one unchanged. {@link #validate()} adds
 * the completeness rules (an image is required) before a spec is deployed.
 *
 * <p>Written and read as a YAML document ({@code apiVersion: srcn.io/v1}, {@code kind:
 * ComputeNodeGroup}) or as canonical JSON; neither ever contains a literal password.
 *
 * <p>Immutable and thread-safe. fabric8 model objects are copied on the way in; those returned by
 * accessors must not be modified.
 */
@Value.Immutable
@SdkStyle
public abstract class ComputeNodeGroupSpec implements PodSettings {
  ComputeNodeGroupSpec() {}

  /** The group name: a DNS-1035 label of at most 40 characters. */
  public abstract String name();

  /** The namespace (default {@code default}). */
  @Value.Default
  public String namespace() {
    return "default";
  }

  /** The CN image; required by {@link #validate()}. */
  public abstract Optional<String> image();

  /** Replicas when not autoscaling, 0..1000 (default 1). */
  @Value.Default
  public int replicas() {
    return 1;
  }

  /** The autoscaling policy; when present, the HPA owns the replica count. */
  public abstract Optional<Autoscaling> autoscaling();

  /** The FE the pods are registered with; without one, nothing is registered. */
  public abstract Optional<Frontend> frontend();

  /** Requests and limits of the CN container (default none). */
  @Value.Default
  public Resources resources() {
    return Resources.none();
  }

  /** cn.conf entries (ports excluded: they come from {@link #ports()}). */
  public abstract Map<String, String> config();

  /** The CN ports (default heartbeat 9050, thrift 9060, webserver 8040, brpc 8060). */
  @Value.Default
  public Ports ports() {
    return Ports.defaults();
  }

  /** Probe failure times (default startup 300 s, liveness 15 s, readiness 15 s). */
  @Value.Default
  public Probes probes() {
    return Probes.defaults();
  }

  /** Time a stopping CN gets to finish its work (default 120 s; whole seconds). */
  @Value.Default
  public Duration terminationGracePeriod() {
    return Duration.ofSeconds(120);
  }

  /** Persistent volumes of each pod. */
  public abstract List<StorageVolume> storage();

  /** The cluster's DNS domain, used for FQDN addresses (default {@code cluster.local}). */
  @Value.Default
  public String clusterDomain() {
    return "cluster.local";
  }

  /** The names of the objects this spec renders (StatefulSet, Service, pods...). */
  public GroupObjectNames objectNames() {
    return GroupObjectNames.of(this);
  }

  /** How pods are addressed when registered (default {@link AddressMode#AUTO}). */
  @Value.Default
  public AddressMode addressMode() {
    return AddressMode.AUTO;
  }

  /** The warehouse the nodes join (shared-data clusters); empty means the default warehouse. */
  public abstract Optional<String> warehouse();

  /** Where the CN writes its logs (default {@link LogOutput#CONSOLE}). */
  @Value.Default
  public LogOutput logs() {
    return LogOutput.CONSOLE;
  }

  /** A copy in this namespace (a DNS-1123 label). */
  public ComputeNodeGroupSpec inNamespace(String namespace) {
    return copy(b -> b.namespace(SpecRules.nonNull("namespace", namespace)));
  }

  /** A copy running this image. */
  public ComputeNodeGroupSpec image(String image) {
    return copy(b -> b.image(SpecRules.nonNull("image", image)));
  }

  /** A copy with this replica count (0..1000; ignored while autoscaling). */
  public ComputeNodeGroupSpec replicas(int replicas) {
    return copy(b -> b.replicas(replicas));
  }

  /** A copy with this autoscaling policy. */
  public ComputeNodeGroupSpec autoscale(Autoscaling autoscaling) {
    return copy(b -> b.autoscaling(SpecRules.nonNull("autoscaling", autoscaling)));
  }

  /** A copy without autoscaling: {@link #replicas()} applies. */
  public ComputeNodeGroupSpec withoutAutoscaling() {
    return copy(b -> b.autoscaling(Optional.empty()));
  }

  /** A copy registering its pods with this FE. */
  public ComputeNodeGroupSpec registerWith(Frontend frontend) {
    return copy(b -> b.frontend(SpecRules.nonNull("frontend", frontend)));
  }

  /** A copy with these requests and limits. */
  public ComputeNodeGroupSpec resources(Resources resources) {
    return copy(b -> b.resources(SpecRules.nonNull("resources", resources)));
  }

  /** A copy with this cn.conf entry (replacing the key's value). */
  public ComputeNodeGroupSpec config(String key, String value) {
    return config(SpecRules.entry("config", key, value));
  }

  /** A copy with these cn.conf entries added (replacing values of the same keys). */
  public ComputeNodeGroupSpec config(Map<String, String> entries) {
    return copy(b -> b.config(putAll(config(), SpecRules.nonNull("config", entries))));
  }

  /** A copy without this cn.conf key. */
  public ComputeNodeGroupSpec withoutConfig(String key) {
    Map<String, String> m = new LinkedHashMap<>(config());
    m.remove(key);
    return copy(b -> b.config(m));
  }

  /** A copy with this environment variable (replacing one of the same name). */
  public ComputeNodeGroupSpec env(String name, String value) {
    return env(new EnvVarBuilder().withName(name).withValue(value).build());
  }

  /** A copy with this environment variable (copied; replacing one of the same name). */
  public ComputeNodeGroupSpec env(EnvVar var) {
    EnvVar copy = Fabric8Objects.copy(SpecRules.nonNull("env", var), EnvVar.class);
    return copy(b -> b.env(SpecRules.replaceOrAdd(env(), copy, EnvVar::getName)));
  }

  /** A copy with this node selector entry. */
  public ComputeNodeGroupSpec nodeSelector(String key, String value) {
    return copy(
        b -> b.nodeSelector(putAll(nodeSelector(), SpecRules.entry("nodeSelector", key, value))));
  }

  /** A copy with one more toleration (copied). */
  public ComputeNodeGroupSpec toleration(Toleration toleration) {
    Toleration t =
        Fabric8Objects.copy(SpecRules.nonNull("tolerations", toleration), Toleration.class);
    return copy(b -> b.addTolerations(t));
  }

  /** A copy with this affinity (copied). */
  public ComputeNodeGroupSpec affinity(Affinity affinity) {
    Affinity a = Fabric8Objects.copy(SpecRules.nonNull("affinity", affinity), Affinity.class);
    return copy(b -> b.affinity(a));
  }

  /** A copy with one more topology spread constraint (copied). */
  public ComputeNodeGroupSpec topologySpread(TopologySpreadConstraint constraint) {
    TopologySpreadConstraint c =
        Fabric8Objects.copy(
            SpecRules.nonNull("topologySpreadConstraints", constraint),
            TopologySpreadConstraint.class);
    return copy(b -> b.addTopologySpreadConstraints(c));
  }

  /** A copy with this pod label. */
  public ComputeNodeGroupSpec podLabel(String key, String value) {
    return copy(b -> b.podLabels(putAll(podLabels(), SpecRules.entry("podLabels", key, value))));
  }

  /** A copy with this pod annotation. */
  public ComputeNodeGroupSpec podAnnotation(String key, String value) {
    return copy(
        b ->
            b.podAnnotations(
                putAll(podAnnotations(), SpecRules.entry("podAnnotations", key, value))));
  }

  /** A copy pulling the image with this Secret too (no effect when already listed). */
  public ComputeNodeGroupSpec imagePullSecret(String secretName) {
    String name = SpecRules.nonNull("imagePullSecrets", secretName);
    return imagePullSecrets().contains(name) ? this : copy(b -> b.addImagePullSecrets(name));
  }

  /** A copy running the pods under this service account. */
  public ComputeNodeGroupSpec serviceAccount(String serviceAccount) {
    return copy(b -> b.serviceAccount(SpecRules.nonNull("serviceAccount", serviceAccount)));
  }

  /** A copy with this pod security context (copied). */
  public ComputeNodeGroupSpec securityContext(PodSecurityContext context) {
    PodSecurityContext c =
        Fabric8Objects.copy(
            SpecRules.nonNull("securityContext", context), PodSecurityContext.class);
    return copy(b -> b.securityContext(c));
  }

  /** A copy with this image pull policy ({@code Always}, {@code IfNotPresent}, {@code Never}). */
  public ComputeNodeGroupSpec imagePullPolicy(String policy) {
    return copy(b -> b.imagePullPolicy(SpecRules.nonNull("imagePullPolicy", policy)));
  }

  /** A copy with these ports. */
  public ComputeNodeGroupSpec ports(Ports ports) {
    return copy(b -> b.ports(SpecRules.nonNull("ports", ports)));
  }

  /** A copy with these probe failure times. */
  public ComputeNodeGroupSpec probes(Probes probes) {
    return copy(b -> b.probes(SpecRules.nonNull("probes", probes)));
  }

  /** A copy with this termination grace period (whole seconds, >= 0). */
  public ComputeNodeGroupSpec terminationGracePeriod(Duration period) {
    return copy(b -> b.terminationGracePeriod(SpecRules.nonNull("terminationGracePeriod", period)));
  }

  /** A copy with this volume (replacing one of the same name). */
  public ComputeNodeGroupSpec storage(StorageVolume volume) {
    StorageVolume v = SpecRules.nonNull("storage", volume);
    return copy(b -> b.storage(SpecRules.replaceOrAdd(storage(), v, StorageVolume::name)));
  }

  /** A copy using this cluster DNS domain. */
  public ComputeNodeGroupSpec clusterDomain(String domain) {
    return copy(b -> b.clusterDomain(SpecRules.nonNull("clusterDomain", domain)));
  }

  /** A copy registering pods by this kind of address. */
  public ComputeNodeGroupSpec addressMode(AddressMode mode) {
    return copy(b -> b.addressMode(SpecRules.nonNull("addressMode", mode)));
  }

  /** A copy whose nodes join this warehouse. */
  public ComputeNodeGroupSpec warehouse(String warehouse) {
    return copy(b -> b.warehouse(SpecRules.nonNull("warehouse", warehouse)));
  }

  /** A copy with this container command (none = the SDK's default). */
  public ComputeNodeGroupSpec command(String... command) {
    return copy(b -> b.command(SpecRules.elements("command", command)));
  }

  /** A copy with these container arguments. */
  public ComputeNodeGroupSpec args(String... args) {
    return copy(b -> b.args(SpecRules.elements("args", args)));
  }

  /** A copy writing its logs there. */
  public ComputeNodeGroupSpec logs(LogOutput output) {
    return copy(b -> b.logs(SpecRules.nonNull("logs", output)));
  }

  /** A copy following the rules of this CN version ({@code X.Y.Z}) instead of the image tag's. */
  public ComputeNodeGroupSpec cnVersion(String version) {
    return copy(b -> b.cnVersion(SpecRules.nonNull("cnVersion", version)));
  }

  /** A copy with this file beside cn.conf (replacing one of the same name). */
  public ComputeNodeGroupSpec configFile(String fileName, String content) {
    return copy(
        b ->
            b.configFiles(
                putAll(configFiles(), SpecRules.entry("configFiles", fileName, content))));
  }

  /** A copy without this extra configuration file. */
  public ComputeNodeGroupSpec withoutConfigFile(String fileName) {
    Map<String, String> m = new LinkedHashMap<>(configFiles());
    m.remove(fileName);
    return copy(b -> b.configFiles(m));
  }

  /**
   * Checks that the spec is complete and valid for deployment: every rule of the fluent methods
   * plus the completeness rules ({@code image: is required}).
   *
   * @return this spec
   * @throws InvalidSpecException listing every violation
   */
  public ComputeNodeGroupSpec validate() {
    SpecRules.check(this, true).throwIfAny();
    return this;
  }

  /** The spec as a YAML document ({@code apiVersion: srcn.io/v1}); never a literal password. */
  public String toYaml() {
    return SpecCodec.toYaml(this);
  }

  /** The spec as canonical JSON: sorted keys, no whitespace; same spec, same bytes. */
  public String toCanonicalJson() {
    return SpecCodec.toCanonicalJson(this);
  }

  /**
   * Reads a spec from a YAML (or JSON) document written by {@link #toYaml()} or by hand.
   *
   * @throws InvalidSpecException naming every unknown, ill-typed or invalid field
   */
  public static ComputeNodeGroupSpec fromYaml(String yaml) {
    return SpecAssembly.build(SpecCodec.read(yaml));
  }

  /**
   * Reads a spec from a YAML (or JSON) document; the reader is not closed.
   *
   * @throws InvalidSpecException naming every unknown, ill-typed or invalid field
   */
  public static ComputeNodeGroupSpec fromYaml(Reader yaml) {
    return fromYaml(SpecCodec.readAll(yaml));
  }

  /**
   * Reads a spec from {@link #toCanonicalJson()} output. A storage volume stored before volumes had
   * a purpose, and that no cn.conf entry refers to, reads as {@link VolumePurpose#MOUNT_ONLY}: the
   * group keeps running as it was deployed.
   *
   * @throws InvalidSpecException naming every unknown, ill-typed or invalid field
   */
  public static ComputeNodeGroupSpec fromCanonicalJson(String json) {
    SpecDraft draft = SpecCodec.read(json);
    StoredVolumes.keepStoredVolumesMounted(draft);
    return SpecAssembly.build(draft);
  }

  @Value.Check
  void check() {
    SpecRules.check(this, false).throwIfAny();
  }

  private ComputeNodeGroupSpec copy(Consumer<ImmutableComputeNodeGroupSpec.Builder> change) {
    ImmutableComputeNodeGroupSpec.Builder b = ImmutableComputeNodeGroupSpec.builder().from(this);
    change.accept(b);
    return b.build();
  }

  private static Map<String, String> putAll(Map<String, String> base, Map<String, String> more) {
    Map<String, String> m = new LinkedHashMap<>(base);
    m.putAll(more);
    return m;
  }

  /**
   * Deploys the group: applies its Kubernetes objects and runs a first registration pass. FE
   * credentials given as a Secret reference are read from the group's namespace. A shorthand for a
   * private {@link ComputeNodeClient} session owned by the returned handle: handles deployed this
   * way do not share FE connections; use one {@code ComputeNodeClient} for many groups.
   *
   * @return a live handle; close it to release its FE connections
   * @throws InvalidSpecException when the spec is incomplete or invalid; nothing is applied then
   * @throws KubernetesOperationException when an object cannot be applied
   */
  public ComputeNodeGroup deploy(KubernetesClient kube) {
    return deploy(kube, CredentialsResolver.kubernetes(kube));
  }

  /**
   * As {@link #deploy(KubernetesClient)}, resolving FE credentials with {@code resolver}; the
   * listeners see every event of the group from the first registration pass on.
   */
  public ComputeNodeGroup deploy(
      KubernetesClient kube, CredentialsResolver resolver, GroupEventListener... listeners) {
    return ComputeNodeGroups.deployPrivately(kube, resolver, this, listeners);
  }

  /**
   * The Kubernetes objects of this group, built without any I/O. {@code render().toYaml()} gives
   * them as multi-document YAML for GitOps (without ownerReferences; see {@link RenderedGroup}).
   *
   * @throws InvalidSpecException when the spec is incomplete ({@link #validate()})
   */
  public RenderedGroup render() {
    return RenderedGroup.of(this);
  }

  /**
   * What deploying this spec would change on the cluster, object by object, without writing: the
   * objects are read (one GET each, plus API discovery once per client) and compared with the
   * rendering.
   *
   * @throws InvalidSpecException when the spec is incomplete
   * @throws KubernetesOperationException when a read fails (with a hint, e.g. the missing RBAC
   *     verb)
   */
  public Plan plan(KubernetesClient kube) {
    return ComputeNodeGroups.planOnce(kube, this);
  }
}
