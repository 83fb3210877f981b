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
import io.srcn.sdk.LogOutput;
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

  /** Problems already in their final form (e.g. found in a legacy manifest). */
  public final List<Violation> reported = new ArrayList<>();

  /** Turns a document path into the path reported (a legacy manifest maps it back). */
  public UnaryOperator<String> reportedPath = UnaryOperator.identity();

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
  public LogOutput logs;
  public String cnVersion;
  public final Map<String, String> configFiles = new LinkedHashMap<>();

  /** Everything found while reading, in the form reported. */
  public List<Violation> readingProblems() {
    List<Violation> all = new ArrayList<>(reported);
    problems.list().forEach(v -> all.add(new Violation(reportedPath.apply(v.path()), v.message())));
    return all;
  }

  /** A violation of the spec's own rules (spec path), in the form reported. */
  public Violation specViolation(Violation v) {
    return new Violation(reportedPath.apply(DocumentPaths.ofSpecPath(v.path())), v.message());
  }
}
