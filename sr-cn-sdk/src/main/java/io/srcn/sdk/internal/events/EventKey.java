package io.srcn.sdk.internal.events;

import io.srcn.sdk.GroupEvent;

/**
 * What makes two events "the same" for deduplication: the object (namespace, group, StatefulSet uid
 * when known), the type, the reason and the exact message.
 *
 * <p>Immutable and thread-safe.
 *
 * @param namespace the group's namespace
 * @param group the group name
 * @param uid the StatefulSet's uid, or empty when unknown
 * @param type {@code Normal} or {@code Warning}
 * @param reason the CamelCase reason
 * @param message the message as posted (after clipping)
 */
record EventKey(
    String namespace, String group, String uid, String type, String reason, String message) {

  static EventKey of(GroupEvent e, String uid, String message) {
    return new EventKey(
        e.namespace(),
        e.group(),
        uid == null ? "" : uid,
        e.type().kubernetesValue(),
        e.reason(),
        message);
  }
}
