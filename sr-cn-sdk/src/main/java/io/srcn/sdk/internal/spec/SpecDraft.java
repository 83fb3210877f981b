package io.srcn.sdk.internal.spec;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.srcn.sdk.AddressMode;
import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.InvalidSpecException.Violation;
import io.srcn.sdk.Ports;
import io.srcn.sdk.Probes;
import io.srcn.sdk.Resources;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.internal.Violations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The parts of a spec read from a document, before they are assembled into one value (in a single
 * builder pass, so that every violation is reported at once). {@code null} means "not given: use
 * the default". {@link #problems} holds what was already wrong in the document (unknown fields,
 * wrong types, invalid nested values), with document paths.
 *
 * <p>Mutable; not thread-safe. Used by one reader at a time.
 */
public final class SpecDraft {
  /** Problems found while reading, with document paths. */
  public final Violations problems = new Violations("");

  /** Turns a spec path (as {@code @Value.Check} reports it) into a document path. */
  public UnaryOperator<String> documentPath = SpecDraft::specPathInDocument;

  public String name;
  public String namespace;
  public String image;
  public Integer replicas;
  public Autoscaling autoscaling;
  public Frontend frontend;
  public Resources resources;
  public final Map<String, String> config = new LinkedHashMap<>();
  public final List<EnvVar> env = new ArrayList<>();
  public final Map<String, String> nodeSelector = new LinkedHashMap<>();
  public final List<Toleration> tolerations = new ArrayList<>();
  public Affinity affinity;
  public final List<TopologySpreadConstraint> topologySpreadConstraints = new ArrayList<>();
  public final Map<String, String> podLabels = new LinkedHashMap<>();
  public final Map<String, String> podAnnotations = new LinkedHashMap<>();
  public final List<String> imagePullSecrets = new ArrayList<>();
  public String serviceAccount;
  public PodSecurityContext securityContext;
  public String imagePullPolicy;
  public Ports ports;
  public Probes probes;
  public Duration terminationGracePeriod;
  public final List<StorageVolume> storage = new ArrayList<>();
  public String clusterDomain;
  public AddressMode addressMode;
  public String warehouse;
  public final List<String> command = new ArrayList<>();
  public final List<String> args = new ArrayList<>();

  /** The violation with its path translated to the document. */
  public Violation inDocument(Violation v) {
    return new Violation(documentPath.apply(v.path()), v.message());
  }

  /**
   * {@code name} and {@code namespace} live under {@code metadata}, the rest under {@code spec}.
   */
  public static String specPathInDocument(String path) {
    if (path.equals("name") || path.equals("namespace")) {
      return "metadata." + path;
    }
    return path.equals("spec") ? path : "spec." + path;
  }
}
