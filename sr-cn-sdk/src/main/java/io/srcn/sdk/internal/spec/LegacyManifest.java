package io.srcn.sdk.internal.spec;

import io.srcn.sdk.AddressMode;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.SpecDefaults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates a seed-era {@code starrocks.com/v1alpha1 ComputeNodeGroup} manifest (fields of the
 * official operator's {@code computenodegroup} branch) into a spec document, then reads that like
 * any spec document. Every field that cannot be carried over becomes a warning naming it; malformed
 * or invalid fields are errors reported with their manifest paths.
 *
 * <p>Pods are registered by IP ({@link AddressMode#POD_IP}), as the legacy operator did.
 *
 * <p>Each translation uses its own instance; the static entry point is thread-safe.
 */
public final class LegacyManifest {
  /** The spec parts read from the manifest and the warnings about what could not be carried. */
  public record Translation(SpecDraft draft, List<String> warnings) {}

  private static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
  private static final Set<String> SERVER_METADATA =
      Set.of(
          "uid",
          "resourceVersion",
          "generation",
          "creationTimestamp",
          "deletionTimestamp",
          "deletionGracePeriodSeconds",
          "managedFields",
          "finalizers",
          "ownerReferences",
          "selfLink",
          "generateName");

  private final Violations errors = new Violations("");
  private static final String DAEMON = "--daemon";

  private final List<String> warnings = new ArrayList<>();
  private final LegacyPaths paths = new LegacyPaths();
  private final Map<String, Object> metadata = new LinkedHashMap<>();
  private final Map<String, Object> spec = new LinkedHashMap<>();
  private final Map<String, String> podLabels = new LinkedHashMap<>();

  private LegacyManifest() {}

  /**
   * Translates a manifest.
   *
   * @throws InvalidSpecException when the text is not a YAML or JSON mapping
   */
  public static Translation translate(String manifest) {
    return new LegacyManifest().run(SpecCodec.parse(manifest));
  }

  private Translation run(Object tree) {
    if (!(tree instanceof Map)) {
      throw new InvalidSpecException(
          List.of(new Violation("document", "must be a ComputeNodeGroup manifest (a mapping)")));
    }
    Fields root = Fields.of(errors, tree);
    header(root);
    metadata(root.object("metadata"));
    legacySpec(root.object("spec"));
    if (root.has("status")) {
      root.raw("status");
      warn(
          "status", "ignored: it is written by the legacy operator, not part of the desired state");
    }
    unknown(root, "");
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", SpecReader.API_VERSION);
    doc.put("kind", SpecReader.KIND);
    doc.put("metadata", metadata);
    doc.put("spec", spec);
    SpecDraft draft = SpecReader.read(doc);
    draft.reported.addAll(errors.list());
    draft.reportedPath = paths::toLegacy;
    return new Translation(draft, List.copyOf(warnings));
  }

  private void header(Fields root) {
    String apiVersion = root.string("apiVersion");
    String kind = root.string("kind");
    errors.require(
        SpecReader.LEGACY_API_VERSION.equals(apiVersion),
        "apiVersion",
        () ->
            (apiVersion == null
                    ? "is required"
                    : Violations.quote(apiVersion) + " is not supported")
                + "; expected starrocks.com/v1alpha1"
                + (SpecReader.API_VERSION.equals(apiVersion)
                    ? " (read srcn.io/v1 with fromYaml)"
                    : ""));
    errors.require(
        SpecReader.KIND.equals(kind),
        "kind",
        () ->
            (kind == null ? "is required" : Violations.quote(kind) + " is not supported")
                + "; expected ComputeNodeGroup");
  }

  private void metadata(Fields m) {
    copy(m.string("name"), metadata, "name", "metadata.name", "metadata.name");
    copy(m.string("namespace"), metadata, "namespace", "metadata.namespace", "metadata.namespace");
    m.textMap("labels").forEach((k, v) -> podLabel("metadata.labels", k, v));
    Map<String, String> annotations = new LinkedHashMap<>();
    m.textMap("annotations")
        .forEach(
            (k, v) -> {
              if (k.equals(LAST_APPLIED) || k.startsWith(SpecDefaults.RESERVED_ANNOTATION_PREFIX)) {
                warn(
                    "metadata.annotations." + k,
                    "not carried over to the pods: kept by kubectl" + " or reserved for the SDK");
              } else {
                annotations.put(k, v);
                paths.map("spec.podAnnotations." + k, "metadata.annotations." + k);
              }
            });
    if (!annotations.isEmpty()) {
      spec.put("podAnnotations", annotations);
      paths.map("spec.podAnnotations", "metadata.annotations");
    }
    for (String key : m.unreadKeys()) {
      warn(
          "metadata." + key,
          SERVER_METADATA.contains(key)
              ? "ignored: set by the API server"
              : "unknown field, not carried over");
    }
  }

  private void legacySpec(Fields s) {
    feInfo(s.objectOrNull("feInfo"));
    Fields images = s.object("images");
    copy(images.string("cnImage"), spec, "image", "spec.image", "spec.images.cnImage");
    if (images.string("componentsImage") != null) {
      warn(
          "spec.images.componentsImage",
          "not needed: the SDK registers and drops compute nodes itself (no register sidecar or"
              + " offline job)");
    }
    unknown(images, "spec.images");
    Fields cnInfo = s.object("cnInfo");
    String configMap = cnInfo.string("configMap");
    if (configMap != null) {
      warn(
          "spec.cnInfo.configMap",
          "ConfigMap '"
              + configMap
              + "' is not read: copy its cn.conf entries with config(key, value) (ports with"
              + " ports(...))");
    }
    unknown(cnInfo, "spec.cnInfo");
    // The seed's Deployment mounted no volume (operator controllers/spec/deployment.go at the
    // computenodegroup branch), so there is no volume to map to a purpose; say where data and
    // logs go now.
    warn(
        "spec.podPolicy",
        "the seed mounted no storage volume and logged to files in the container: the imported"
            + " spec keeps the data cache in the container (add a storage volume with"
            + " purpose(VolumePurpose.DATA)) and logs to the console (kubectl logs;"
            + " logs(LogOutput.FILES) for files)");
    copy(s.integer("replicas"), spec, "replicas", "spec.replicas", "spec.replicas");
    Fields policy = s.objectOrNull("autoScalingPolicy");
    if (policy != null) {
      LegacyAutoscaling.translate(policy, spec, paths, warnings);
    }
    podPolicy(s.object("podPolicy"));
    Fields cron = s.objectOrNull("cronJobPolicy");
    if (cron != null) {
      cron.unreadKeys();
      warn(
          "spec.cronJobPolicy",
          "not needed: the SDK drops scaled-in nodes from the FE itself, only nodes it owns");
    }
    spec.put("addressMode", AddressMode.POD_IP.name());
    unknown(s, "spec");
  }

  private void feInfo(Fields fe) {
    if (fe == null) {
      warn("spec.feInfo", "missing: the spec registers with no FE until registerWith(...) is set");
      return;
    }
    Map<String, Object> frontend = new LinkedHashMap<>();
    Object addresses = fe.raw("addresses");
    if (addresses != null) {
      frontend.put("addresses", addresses);
    }
    paths.map("spec.frontend", "spec.feInfo");
    paths.map("spec.frontend.addresses", "spec.feInfo.addresses");
    String secret = fe.string("accountSecret");
    if (secret != null) {
      frontend.put("credentials", Map.of("secretName", secret));
      paths.map("spec.frontend.credentials", "spec.feInfo.accountSecret");
      paths.map("spec.frontend.credentials.secretName", "spec.feInfo.accountSecret");
    } else {
      warn(
          "spec.feInfo.accountSecret",
          "missing: the SDK logs in as root with an empty password unless credentials are set");
    }
    unknown(fe, "spec.feInfo");
    spec.put("frontend", frontend);
  }

  private void podPolicy(Fields p) {
    p.textMap("labels").forEach((k, v) -> podLabel("spec.podPolicy.labels", k, v));
    if (!podLabels.isEmpty()) {
      spec.put("podLabels", podLabels);
    }
    copy(
        p.raw("nodeSelector"),
        spec,
        "nodeSelector",
        "spec.nodeSelector",
        "spec.podPolicy.nodeSelector");
    resources(p.objectOrNull("resources"));
    List<String> secrets = new ArrayList<>();
    p.list("imagePullSecrets", (v, o) -> pullSecret(Fields.of(v, o), secrets));
    if (!secrets.isEmpty()) {
      spec.put("imagePullSecrets", secrets);
      paths.map("spec.imagePullSecrets", "spec.podPolicy.imagePullSecrets");
    }
    copy(p.raw("affinity"), spec, "affinity", "spec.affinity", "spec.podPolicy.affinity");
    copy(
        p.raw("securityContext"),
        spec,
        "securityContext",
        "spec.securityContext",
        "spec.podPolicy.securityContext");
    copy(p.raw("command"), spec, "command", "spec.command", "spec.podPolicy.command");
    if (p.has("command")) {
      warn(
          "spec.podPolicy.command",
          "carried over: it replaces the SDK's default start command; remove it with command()"
              + " when moving to an official StarRocks CN image");
    }
    Object args = p.raw("args");
    if (args instanceof List<?> list && list.contains(DAEMON)) {
      args = list.stream().filter(x -> !DAEMON.equals(x)).toList();
      warn(
          "spec.podPolicy.args",
          "'--daemon' dropped: it makes start_cn.sh return at once, so the container would exit;"
              + " the SDK runs the CN in the foreground");
    }
    copy(args, spec, "args", "spec.args", "spec.podPolicy.args");
    unknown(p, "spec.podPolicy");
  }

  private void resources(Fields r) {
    if (r == null) {
      return;
    }
    Map<String, Object> resources = new LinkedHashMap<>();
    copy(
        r.raw("requests"),
        resources,
        "requests",
        "spec.resources.requests",
        "spec.podPolicy.resources.requests");
    copy(
        r.raw("limits"),
        resources,
        "limits",
        "spec.resources.limits",
        "spec.podPolicy.resources.limits");
    if (r.has("claims")) {
      r.raw("claims");
      warn("spec.podPolicy.resources.claims", "not supported: dynamic resource claims are dropped");
    }
    unknown(r, "spec.podPolicy.resources");
    spec.put("resources", resources);
    paths.map("spec.resources", "spec.podPolicy.resources");
  }

  private void pullSecret(Fields f, List<String> secrets) {
    String name = f.string("name");
    f.violations().require(name != null, "name", "is required");
    if (name != null) {
      secrets.add(name);
    }
    f.done();
  }

  private void podLabel(String origin, String key, String value) {
    if (Labels.standard("x").containsKey(key)) {
      warn(origin + "." + key, "not carried over: the SDK sets this standard label itself");
      return;
    }
    podLabels.put(key, value);
    paths.map("spec.podLabels." + key, origin + "." + key);
    paths.map("spec.podLabels", origin);
  }

  private void copy(
      Object value, Map<String, Object> target, String key, String path, String from) {
    if (value != null) {
      target.put(key, value);
      paths.map(path, from);
    }
  }

  private void unknown(Fields f, String path) {
    for (String key : f.unreadKeys()) {
      warn((path.isEmpty() ? "" : path + ".") + key, "unknown field, not carried over");
    }
  }

  private void warn(String path, String message) {
    warnings.add(path + ": " + message);
  }
}
