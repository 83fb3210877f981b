package io.srcn.sdk.internal.sync;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.fe.HostPort;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The fence between an engine's ADD and another engine's suspend or delete. A pass decides on a
 * view that may be old (the controller's informer caches lag the API server), while suspend and
 * delete mark the StatefulSet {@code srcn.io/suspended} before they scale in or drop anything. An
 * ADD decided on a view from before the mark would re-register nodes the deleter has just dropped
 * and outlive the delete (a ghost). So right before an ADD the engine reads the StatefulSet from
 * the API server itself (never from a cache), and sends the ADD only if the group is still there,
 * unmarked, and has at least the replicas the plan used; right after the ADD it reads again, and if
 * the group is now going away, it drops what it has just added.
 *
 * <p>The same holds for a DROP of an IP the other way round: an engine whose cache still shows a
 * pod's previous incarnation takes the IP another engine has just registered for the new
 * incarnation for an older one ("the pod now has another IP"). So right before a DROP the engine
 * reads the group's pods from the API server and spares every address a live pod answers at.
 *
 * <p>Both reads are live GETs; the StatefulSet's answer is read narrowly ({@link FenceRead}: the
 * mark and {@code spec.replicas}, the rest skipped), which is where the fence's cost was (issue
 * 19).
 *
 * <p>Thread-safe: stateless apart from the readers.
 */
final class AddFence {
  private final KubernetesClient client;
  private final ClusterView direct;

  /**
   * A fence that reads the StatefulSet with {@link FenceRead} through {@code client} and the pods
   * through {@code direct}, which must ask the API server on every call.
   */
  AddFence(KubernetesClient client, ClusterView direct) {
    this.client = client;
    this.direct = direct;
  }

  /**
   * Reads the StatefulSet now: true when an ADD planned with {@code planReplicas} may go ahead.
   *
   * @throws io.srcn.sdk.CnSdkException when the API server cannot be read (no ADD then)
   */
  boolean allowsAdd(String namespace, String group, int planReplicas) {
    Optional<FenceRead.Facts> now = FenceRead.read(client, namespace, group);
    return now.isPresent() && !now.get().suspended() && now.get().replicas() >= planReplicas;
  }

  /**
   * Reads the StatefulSet now: true when the group is suspended or deleted.
   *
   * @throws io.srcn.sdk.CnSdkException when the API server cannot be read
   */
  boolean goingAway(String namespace, String group) {
    Optional<FenceRead.Facts> now = FenceRead.read(client, namespace, group);
    return now.isEmpty() || now.get().suspended();
  }

  /**
   * Reads the group's pods now: the addresses (IP and heartbeat port) its live pods answer at.
   *
   * @throws io.srcn.sdk.CnSdkException when the API server cannot be read (no DROP then)
   */
  Set<HostPort> liveIpAddresses(String namespace, String group, int defaultHeartbeatPort) {
    return new HashSet<>(livePodAddresses(namespace, group, defaultHeartbeatPort).values());
  }

  /**
   * Reads the group's pods now: the address (IP and heartbeat port) each live pod answers at, by
   * pod name.
   *
   * @throws io.srcn.sdk.CnSdkException when the API server cannot be read (no ADD then)
   */
  Map<String, HostPort> livePodAddresses(String namespace, String group, int defaultHeartbeatPort) {
    Map<String, HostPort> live = new HashMap<>();
    for (PodView pod : PodViews.of(group, direct.pods(namespace, group), defaultHeartbeatPort)) {
      pod.ip().ifPresent(ip -> live.put(pod.name(), HostPort.of(ip, pod.heartbeatPort())));
    }
    return live;
  }
}
