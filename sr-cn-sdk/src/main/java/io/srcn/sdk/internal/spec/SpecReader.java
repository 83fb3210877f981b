package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.internal.Violations;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads a parsed spec document ({@code apiVersion: srcn.io/v1}, {@code kind: ComputeNodeGroup})
 * into a {@link SpecDraft}, recording every unknown field, wrong type and invalid nested value with
 * its document path.
 *
 * <p>Stateless and thread-safe.
 */
final class SpecReader {
  static final String API_VERSION = "srcn.io/v1";
  static final String KIND = "ComputeNodeGroup";
  static final String LEGACY_API_VERSION = "starrocks.com/v1alpha1";

  private SpecReader() {}

  static SpecDraft read(Object tree) {
    SpecDraft d = new SpecDraft();
    Violations v = d.problems;
    if (!(tree instanceof Map)) {
      v.add("document", "must be a mapping with apiVersion, kind, metadata and spec");
      return d;
    }
    Fields doc = Fields.of(v, tree);
    header(doc);
    Fields metadata = doc.object("metadata");
    d.name = metadata.string("name");
    v.require(d.name != null || metadata.has("name"), "metadata.name", "is required");
    d.namespace = metadata.string("namespace");
    metadata.done();
    spec(doc.object("spec"), d);
    doc.done();
    return d;
  }

  private static void header(Fields doc) {
    String apiVersion = doc.string("apiVersion");
    String kind = doc.string("kind");
    Violations v = doc.violations();
    if (LEGACY_API_VERSION.equals(apiVersion)) {
      v.add(
          "apiVersion",
          "'starrocks.com/v1alpha1' is a legacy manifest: read it with"
              + " ComputeNodeGroups.fromLegacyManifest");
    } else {
      v.require(
          API_VERSION.equals(apiVersion),
          "apiVersion",
          () ->
              (apiVersion == null
                      ? "is required"
                      : Violations.quote(apiVersion) + " is not supported")
                  + "; expected "
                  + API_VERSION);
    }
    v.require(
        KIND.equals(kind),
        "kind",
        () ->
            (kind == null ? "is required" : Violations.quote(kind) + " is not supported")
                + "; expected "
                + KIND);
  }

  private static void spec(Fields s, SpecDraft d) {
    d.image = s.string("image");
    d.replicas = s.integer("replicas");
    d.autoscaling = nested(s, "autoscaling", AutoscalingReader::read);
    d.frontend = nested(s, "frontend", FrontendReader::read);
    d.resources = nested(s, "resources", PartsReader::resources);
    d.config.putAll(s.textMap("config"));
    d.env.addAll(Lists.models(s, "env", EnvVar.class));
    d.nodeSelector.putAll(s.textMap("nodeSelector"));
    d.tolerations.addAll(Lists.models(s, "tolerations", Toleration.class));
    d.affinity = model(s, "affinity", Affinity.class);
    d.topologySpreadConstraints.addAll(
        Lists.models(s, "topologySpreadConstraints", TopologySpreadConstraint.class));
    d.podLabels.putAll(s.textMap("podLabels"));
    d.podAnnotations.putAll(s.textMap("podAnnotations"));
    d.imagePullSecrets.addAll(Lists.strings(s, "imagePullSecrets"));
    d.serviceAccount = s.string("serviceAccount");
    d.securityContext = model(s, "securityContext", PodSecurityContext.class);
    d.imagePullPolicy = s.string("imagePullPolicy");
    d.ports = nested(s, "ports", PartsReader::ports);
    d.probes = nested(s, "probes", PartsReader::probes);
    Integer grace = s.integer("terminationGracePeriodSeconds");
    d.terminationGracePeriod = grace == null ? null : Duration.ofSeconds(grace);
    d.storage.addAll(Lists.mappings(s, "storage", PartsReader::storage));
    d.clusterDomain = s.string("clusterDomain");
    d.addressMode = Enums.read(s, "addressMode", AddressMode.class, AddressMode::name);
    d.warehouse = s.string("warehouse");
    d.command.addAll(Lists.strings(s, "command"));
    d.args.addAll(Lists.strings(s, "args"));
    d.logs = Enums.read(s, "logs", LogOutput.class, LogOutput::name);
    d.cnVersion = s.string("cnVersion");
    d.configFiles.putAll(s.textMap("configFiles"));
    s.done();
  }

  private static <T> T nested(Fields s, String key, Function<Fields, T> reader) {
    Fields f = s.objectOrNull(key);
    return f == null ? null : reader.apply(f);
  }

  private static <T> T model(Fields s, String key, Class<T> type) {
    Object tree = s.raw(key);
    return tree == null ? null : Attempts.model(s.violations().child(key), tree, type);
  }
}
