package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.srcn.sdk.naming.CnLayout;
import io.srcn.sdk.naming.Names;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads fabric8 pods into {@link PodView}s. The heartbeat port is the pod's own (the {@code
 * heartbeat} port of its {@code cn} container), so a pod created before a port change keeps
 * registering under the port it really serves.
 *
 * <p>Stateless and thread-safe.
 */
final class PodViews {
  private PodViews() {}

  /** The group's pods, in ordinal order; pods whose names are not the group's are skipped. */
  static List<PodView> of(String group, List<Pod> pods, int defaultHeartbeatPort) {
    List<PodView> views = new ArrayList<>();
    for (Pod pod : pods) {
      view(group, pod, defaultHeartbeatPort).ifPresent(views::add);
    }
    views.sort(Comparator.comparingInt(PodView::ordinal));
    return views;
  }

  static Optional<PodView> view(String group, Pod pod, int defaultHeartbeatPort) {
    OptionalInt ordinal = Names.ordinal(group, pod.getMetadata().getName());
    if (ordinal.isEmpty()) {
      return Optional.empty();
    }
    var status = pod.getStatus();
    return Optional.of(
        new PodView(
            pod.getMetadata().getName(),
            ordinal.getAsInt(),
            isReady(pod),
            pod.getMetadata().getDeletionTimestamp() != null,
            Optional.ofNullable(status == null ? null : status.getPodIP())
                .filter(s -> !s.isEmpty()),
            heartbeatPort(pod).orElse(defaultHeartbeatPort),
            status == null || status.getPhase() == null ? "Pending" : status.getPhase(),
            restarts(pod)));
  }

  static boolean isReady(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return false;
    }
    for (PodCondition c : pod.getStatus().getConditions()) {
      if ("Ready".equals(c.getType())) {
        return "True".equals(c.getStatus());
      }
    }
    return false;
  }

  private static OptionalInt heartbeatPort(Pod pod) {
    if (pod.getSpec() == null || pod.getSpec().getContainers() == null) {
      return OptionalInt.empty();
    }
    for (Container c : pod.getSpec().getContainers()) {
      if (CnLayout.CONTAINER.equals(c.getName()) && c.getPorts() != null) {
        for (ContainerPort p : c.getPorts()) {
          if (CnLayout.PORT_HEARTBEAT.equals(p.getName()) && p.getContainerPort() != null) {
            return OptionalInt.of(p.getContainerPort());
          }
        }
      }
    }
    return OptionalInt.empty();
  }

  private static int restarts(Pod pod) {
    if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
      return 0;
    }
    int sum = 0;
    for (ContainerStatus s : pod.getStatus().getContainerStatuses()) {
      sum += s.getRestartCount() == null ? 0 : s.getRestartCount();
    }
    return sum;
  }
}
