package io.srcn.examples.cli;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.examples.internal.EventLog;
import io.srcn.examples.internal.ProgressTicker;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroups;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code srcn delete NAME}: deletes a group in order (HPA first, pods stop gracefully, their nodes
 * are dropped from the FE, then the objects), printing the pods as they go and each drop.
 *
 * <p>Not thread-safe; one instance per run.
 */
@Command(
    name = "delete",
    mixinStandardHelpOptions = true,
    description = "Delete a group: stop its pods, drop its nodes from the FE, remove its objects.")
final class DeleteCommand extends SrcnCommand {
  private static final Duration TICK = Duration.ofMillis(500);

  @Parameters(index = "0", paramLabel = "NAME", description = "the group")
  String name;

  @Override
  public Integer call() {
    try (Connection c = connect();
        ComputeNodeGroup group =
            ComputeNodeGroups.get(c.kube(), c.namespace(), name, c.resolver())) {
      group.addListener(new EventLog(console()));
      console().line("deleting %s/%s", c.namespace(), name);
      String sts = group.spec().render().statefulSet().getMetadata().getName();
      try (ProgressTicker ticker =
          ProgressTicker.start(console(), pods(c.kube(), c.namespace(), sts), TICK)) {
        group.delete();
      }
      console()
          .line("deleted %s/%s: its nodes are dropped and its objects gone", c.namespace(), name);
      return Srcn.OK;
    }
  }

  /** What the StatefulSet shows: its pods while they stop, then that it is gone. */
  private static Supplier<Optional<String>> pods(
      KubernetesClient kube, String namespace, String sts) {
    return () -> {
      StatefulSet s = kube.apps().statefulSets().inNamespace(namespace).withName(sts).get();
      if (s == null) {
        return Optional.of("StatefulSet " + sts + " removed");
      }
      StatefulSetStatus st = s.getStatus();
      int pods = st == null || st.getReplicas() == null ? 0 : st.getReplicas();
      int ready = st == null || st.getReadyReplicas() == null ? 0 : st.getReadyReplicas();
      return Optional.of(
          String.format(
              Locale.ROOT,
              "StatefulSet %s: replicas %s, %d pod(s), %d ready",
              sts,
              s.getSpec().getReplicas(),
              pods,
              ready));
    };
  }
}
