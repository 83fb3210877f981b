package io.srcn.sdk;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod-level attributes of a {@link ComputeNodeGroupSpec} (container environment and command,
 * scheduling, pod metadata, image pulling, security), read-only; the spec is the only
 * implementation, and its fluent methods change them. A public interface (not a package-private
 * superclass) so that reflection on the spec's public methods works.
 *
 * <p>Immutable and thread-safe like the spec. fabric8 objects returned must not be modified.
 */
public interface PodSettings {

  /** Extra environment variables of the CN container. */
  public abstract List<EnvVar> env();

  /** Node selector of the pods. */
  public abstract Map<String, String> nodeSelector();

  /** Tolerations of the pods. */
  public abstract List<Toleration> tolerations();

  /** Affinity of the pods. */
  public abstract Optional<Affinity> affinity();

  /** Topology spread constraints of the pods. */
  public abstract List<TopologySpreadConstraint> topologySpreadConstraints();

  /** Extra pod labels (the four standard labels cannot be overridden). */
  public abstract Map<String, String> podLabels();

  /** Extra pod annotations ({@code srcn.io/} keys are reserved). */
  public abstract Map<String, String> podAnnotations();

  /** Names of the image pull Secrets. */
  public abstract List<String> imagePullSecrets();

  /** The pods' service account; empty means the namespace default. */
  public abstract Optional<String> serviceAccount();

  /** The pods' security context. */
  public abstract Optional<PodSecurityContext> securityContext();

  /** {@code Always}, {@code IfNotPresent} or {@code Never}; empty means the Kubernetes default. */
  public abstract Optional<String> imagePullPolicy();

  /** The container command; empty means the SDK's default start command. */
  public abstract List<String> command();

  /**
   * The container arguments. Without a {@link #command()} they follow the SDK's start script
   * ({@code start_cn.sh}, passed as the first argument so that the image's ENTRYPOINT, {@code tini}
   * in 4.x images, stays in front); {@code --daemon} is rejected (the script would return and the
   * container exit).
   */
  public abstract List<String> args();

  /**
   * The CN version whose rules the pod follows (preStop hook, cn.conf keys), as {@code X.Y.Z};
   * empty means the version named by the image tag, or the newest rules when the tag names none.
   */
  public abstract Optional<String> cnVersion();

  /**
   * Extra files beside cn.conf in {@code /opt/starrocks/cn/conf} (for example {@code core-site.xml}
   * or {@code hdfs-site.xml} for shared-data on HDFS): file name to content. They are stored in the
   * group's ConfigMap and mounted one by one; a change rolls the pods like a cn.conf change.
   */
  public abstract Map<String, String> configFiles();
}
