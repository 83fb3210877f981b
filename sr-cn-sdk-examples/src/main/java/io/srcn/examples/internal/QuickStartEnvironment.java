package io.srcn.examples.internal;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import java.util.List;

/**
 * Where the quick-start runs: the embedded testkit ({@link EmbeddedEnvironment}) or a real cluster
 * and FE ({@link ClusterEnvironment}). It supplies the Kubernetes client, the FE, and the way to
 * make the group's HPA scale out and in.
 *
 * <p>Implementations are thread-safe.
 */
public interface QuickStartEnvironment extends AutoCloseable {
  /** Lines describing the environment, for the header. */
  List<String> description();

  /** The Kubernetes client. */
  KubernetesClient kube();

  /** The FE the group registers with, with literal credentials. */
  Frontend frontend();

  /** Completes the credentials of specs read back from the cluster (which never hold passwords). */
  CredentialsResolver resolver();

  /**
   * True when the HPA gets metrics (it then reports a desired replica count soon after the deploy);
   * false on clusters that may lack a metrics server.
   */
  boolean hasMetrics();

  /** How this environment makes the group's HPA scale. */
  ScaleDriver scaleDriver(ComputeNodeGroup group, QuickStartSettings settings);

  /** Releases what the environment started; never throws. */
  @Override
  void close();

  /**
   * Makes the HPA scale the group out to {@link QuickStartGroup#PEAK} pods and back in to one.
   *
   * <p>Implementations are thread-safe.
   */
  interface ScaleDriver extends AutoCloseable {
    /** What {@link #scaleOut()} does, for humans. */
    String scaleOutDescription();

    /** Starts the scale-out; returns at once. */
    void scaleOut();

    /** What {@link #scaleIn()} does, for humans. */
    String scaleInDescription();

    /** Starts the scale-in; returns at once. */
    void scaleIn();

    /** Stops whatever the driver runs; never throws. */
    @Override
    void close();
  }
}
