package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.Ports;
import io.srcn.sdk.Resources;
import io.srcn.sdk.internal.CnVersion;
import io.srcn.sdk.internal.StorageEntries;
import io.srcn.sdk.naming.CnLayout;
import io.srcn.sdk.naming.SpecDefaults;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders the {@code cn} container: start command, ports, env, resources, mounts, probes and the
 * preStop hook (see {@link CnLayout}).
 *
 * <p>Per CN version ({@link CnVersion}, from {@code cnVersion} or the image tag): the preStop hook
 * is {@code stop_cn.sh -g} where it drains and a plain {@code stop_cn.sh} before 3.3.17, 3.4.6 and
 * 3.5.2. For every version the start script goes into {@code args}, so a 4.x image's {@code tini}
 * ENTRYPOINT keeps running as PID 1, and {@code --logconsole} follows it for {@link
 * LogOutput#CONSOLE}.
 *
 * <p>Stateless and thread-safe.
 */
final class ContainerRenderer {
  /** The start script's flag for logs on the console ({@code bin/start_backend.sh}). */
  static final String LOG_CONSOLE = "--logconsole";

  private ContainerRenderer() {}

  static Container container(ComputeNodeGroupSpec spec) {
    Ports ports = spec.ports();
    ContainerBuilder b =
        new ContainerBuilder()
            .withName(CnLayout.CONTAINER)
            .withImage(spec.image().orElseThrow())
            .withImagePullPolicy(spec.imagePullPolicy().orElse(null))
            .withCommand(spec.command())
            .withArgs(args(spec))
            .withPorts(ports(ports))
            .withEnv(env(spec))
            .withResources(resources(spec.resources()))
            .withVolumeMounts(mounts(spec))
            .withStartupProbe(probe(spec.probes().startupFailureSeconds(), ports.webserver()))
            .withLivenessProbe(probe(spec.probes().livenessFailureSeconds(), ports.webserver()))
            .withReadinessProbe(probe(spec.probes().readinessFailureSeconds(), ports.webserver()));
    b.withNewLifecycle()
        .withNewPreStop()
        .withNewExec()
        .withCommand(preStop(spec))
        .endExec()
        .endPreStop()
        .endLifecycle();
    return b.build();
  }

  /**
   * The arguments: without a command of the spec's own, the start script first, then the spec's
   * arguments, then {@code --logconsole} when logs go to the console and it is not there yet.
   */
  static List<String> args(ComputeNodeGroupSpec spec) {
    if (!spec.command().isEmpty()) {
      return spec.args();
    }
    List<String> args = new ArrayList<>(CnLayout.START_COMMAND);
    args.addAll(spec.args());
    if (spec.logs() == LogOutput.CONSOLE && !spec.args().contains(LOG_CONSOLE)) {
      args.add(LOG_CONSOLE);
    }
    return args;
  }

  /** {@code stop_cn.sh -g} unless the CN version is known to predate a draining graceful exit. */
  static List<String> preStop(ComputeNodeGroupSpec spec) {
    boolean drains = CnVersion.of(spec).map(CnVersion::drainsOnGracefulStop).orElse(true);
    return drains ? CnLayout.PRE_STOP_COMMAND : CnLayout.PLAIN_STOP_COMMAND;
  }

  private static List<ContainerPort> ports(Ports p) {
    return List.of(
        port(CnLayout.PORT_HEARTBEAT, p.heartbeat()),
        port(CnLayout.PORT_THRIFT, p.thrift()),
        port(CnLayout.PORT_WEBSERVER, p.webserver()),
        port(CnLayout.PORT_BRPC, p.brpc()));
  }

  private static ContainerPort port(String name, int number) {
    return new ContainerPortBuilder()
        .withName(name)
        .withContainerPort(number)
        .withProtocol("TCP")
        .build();
  }

  /**
   * The SDK's three variables first, then the user's (whose names the spec keeps distinct). No
   * {@code HOST_TYPE}: only the image's {@code cn_entrypoint.sh} reads it, and the SDK does not run
   * that script.
   */
  private static List<EnvVar> env(ComputeNodeGroupSpec spec) {
    List<EnvVar> env = new ArrayList<>();
    env.add(fieldRef(CnLayout.ENV_POD_NAME, "metadata.name"));
    env.add(fieldRef(CnLayout.ENV_POD_IP, "status.podIP"));
    env.add(fieldRef(CnLayout.ENV_POD_NAMESPACE, "metadata.namespace"));
    spec.env().forEach(e -> env.add(new EnvVarBuilder(e).build()));
    return env;
  }

  private static EnvVar fieldRef(String name, String path) {
    return new EnvVarBuilder()
        .withName(name)
        .withNewValueFrom()
        .withNewFieldRef()
        .withApiVersion("v1")
        .withFieldPath(path)
        .endFieldRef()
        .endValueFrom()
        .build();
  }

  private static ResourceRequirements resources(Resources r) {
    if (r.requests().isEmpty() && r.limits().isEmpty()) {
      return null;
    }
    return new ResourceRequirementsBuilder()
        .withRequests(quantities(r.requests()))
        .withLimits(quantities(r.limits()))
        .build();
  }

  private static Map<String, Quantity> quantities(Map<String, String> values) {
    Map<String, Quantity> m = new TreeMap<>();
    values.forEach((k, v) -> m.put(k, new Quantity(v)));
    return m.isEmpty() ? null : m;
  }

  private static List<VolumeMount> mounts(ComputeNodeGroupSpec spec) {
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(
        new VolumeMountBuilder()
            .withName(CnLayout.CONFIG_VOLUME)
            .withMountPath(CnLayout.CONF_FILE)
            .withSubPath(CnLayout.CONF_KEY)
            .withReadOnly(true)
            .build());
    spec.configFiles().keySet().stream()
        .sorted()
        .forEach(
            name ->
                mounts.add(
                    new VolumeMountBuilder()
                        .withName(CnLayout.CONFIG_VOLUME)
                        .withMountPath(SpecDefaults.CONFIG_DIR + "/" + name)
                        .withSubPath(name)
                        .withReadOnly(true)
                        .build()));
    if (StorageEntries.needsLogEmptyDir(spec)) {
      mounts.add(
          new VolumeMountBuilder()
              .withName(StorageEntries.LOG_VOLUME)
              .withMountPath(StorageEntries.LOG_DIR)
              .build());
    }
    spec.storage()
        .forEach(
            v ->
                mounts.add(
                    new VolumeMountBuilder()
                        .withName(v.name())
                        .withMountPath(v.mountPath())
                        .build()));
    return mounts;
  }

  /** An HTTP probe on the health endpoint, or none when {@code failureSeconds} is 0. */
  static Probe probe(int failureSeconds, int webserverPort) {
    if (failureSeconds == 0) {
      return null;
    }
    int period = CnLayout.PROBE_PERIOD_SECONDS;
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath(CnLayout.HEALTH_PATH)
        .withPort(new IntOrString(webserverPort))
        .endHttpGet()
        .withPeriodSeconds(period)
        .withFailureThreshold((failureSeconds + period - 1) / period)
        .build();
  }
}
