package io.srcn.sdk.internal.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.naming.Labels;
import io.srcn.sdk.naming.Names;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds the core {@code v1} Events the SDK posts: on the group's StatefulSet (apiVersion, kind,
 * namespace, name and, when known, uid), reported by component {@code sr-cn-sdk}, with the group's
 * standard labels so {@code kubectl get events -l app.kubernetes.io/instance=g} finds them, and
 * with {@code count}/{@code firstTimestamp}/{@code lastTimestamp} for deduplication.
 *
 * <p>Stateless and thread-safe.
 */
final class KubernetesEvents {
  /** The reporting component, also the source component. */
  static final String COMPONENT = Labels.MANAGED_BY_VALUE;

  /** Longest message posted; longer ones are cut and end with {@code ...}. */
  static final int MAX_MESSAGE = 1024;

  private KubernetesEvents() {}

  /** The message as posted: at most {@link #MAX_MESSAGE} characters. */
  static String clip(String message) {
    return message.length() <= MAX_MESSAGE
        ? message
        : message.substring(0, MAX_MESSAGE - 3) + "...";
  }

  /** A new Event, count 1, first and last seen at the event's time. */
  static Event create(GroupEvent e, String name, String uid, String instance) {
    return create(e, name, uid, instance, 1, e.time());
  }

  /**
   * A new Event for {@code count} occurrences, the first at {@code first}, the last at the event's
   * time.
   */
  static Event create(
      GroupEvent e, String name, String uid, String instance, int count, Instant first) {
    return new EventBuilder()
        .withNewMetadata()
        .withNamespace(e.namespace())
        .withName(name)
        .withLabels(Labels.standard(e.group()))
        .endMetadata()
        .withInvolvedObject(statefulSet(e, uid))
        .withType(e.type().kubernetesValue())
        .withReason(e.reason())
        .withMessage(clip(e.message()))
        .withCount(count)
        .withFirstTimestamp(timestamp(first))
        .withLastTimestamp(timestamp(e.time()))
        .withNewSource()
        .withComponent(COMPONENT)
        .endSource()
        .withReportingComponent(COMPONENT)
        .withReportingInstance(instance)
        .build();
  }

  /** The JSON merge patch that records one more occurrence. */
  static Map<String, Object> repeat(int count, Instant time) {
    Map<String, Object> patch = new LinkedHashMap<>();
    patch.put("count", count);
    patch.put("lastTimestamp", timestamp(time));
    return patch;
  }

  /** The reference to the group's StatefulSet. */
  static ObjectReference statefulSet(GroupEvent e, String uid) {
    return new ObjectReferenceBuilder()
        .withApiVersion("apps/v1")
        .withKind("StatefulSet")
        .withNamespace(e.namespace())
        .withName(Names.statefulSet(e.group()))
        .withUid(uid)
        .build();
  }

  /** RFC 3339 in seconds, as {@code metav1.Time} is serialized. */
  static String timestamp(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
