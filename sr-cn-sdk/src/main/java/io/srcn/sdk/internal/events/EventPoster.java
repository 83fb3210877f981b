package io.srcn.sdk.internal.events;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.naming.Names;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Kubernetes side of {@link EventRecorder}: creates an Event, or, for a repeat within the dedup
 * window, bumps the existing one's {@code count} and {@code lastTimestamp} with a JSON merge patch.
 * A batch of N occurrences folded while waiting ({@link PendingEvents}) adds N to the count. An
 * event that vanished meanwhile (expired or deleted) is created again; a name collision is retried
 * once with the next suffix. Never reads the StatefulSet: the uid comes with the batch.
 *
 * <p>Thread-safe, though {@link EventRecorder} calls it from one thread so that repeats of one key
 * are handled in order.
 */
final class EventPoster {
  /** What a post did. */
  enum Outcome {
    CREATED,
    UPDATED
  }

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private final KubernetesClient client;
  private final String instance;
  private final EventDeduplicator dedup;
  private final AtomicLong lastSuffix = new AtomicLong();

  EventPoster(KubernetesClient client, String instance, EventDeduplicator dedup) {
    this.client = client;
    this.instance = instance;
    this.dedup = dedup;
  }

  /** Creates the event, or updates the one posted for the same key within the window. */
  Outcome post(PendingEvents.Batch batch) {
    GroupEvent event = batch.event();
    String message = KubernetesEvents.clip(event.message());
    EventKey key = EventKey.of(event, batch.uid(), message);
    Optional<EventDeduplicator.Posted> existing = dedup.existing(key, batch.first());
    if (existing.isPresent() && repeat(event, batch.count(), key, existing.get())) {
      return Outcome.UPDATED;
    }
    String name = create(batch);
    dedup.remember(key, name, batch.count(), event.time());
    return Outcome.CREATED;
  }

  /**
   * Bumps the count of the event posted before; false when it no longer exists. The count is this
   * recorder's own: the event's name is unique to it, so nobody else counts on it.
   */
  private boolean repeat(
      GroupEvent event, int occurrences, EventKey key, EventDeduplicator.Posted posted) {
    int count = posted.count() + occurrences;
    String patch = JSON.asJson(KubernetesEvents.repeat(count, event.time()));
    Resource<Event> resource =
        client.v1().events().inNamespace(event.namespace()).withName(posted.name());
    try {
      if (resource.patch(PatchContext.of(PatchType.JSON_MERGE), patch) == null) {
        dedup.forget(key);
        return false;
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        dedup.forget(key);
        return false;
      }
      throw e;
    }
    dedup.remember(key, posted.name(), count, event.time());
    return true;
  }

  private String create(PendingEvents.Batch batch) {
    GroupEvent event = batch.event();
    for (int attempt = 0; ; attempt++) {
      String name = Names.event(event.group(), nextSuffix(event.time()));
      try {
        client
            .v1()
            .events()
            .inNamespace(event.namespace())
            .resource(
                KubernetesEvents.create(
                    event, name, batch.uid(), instance, batch.count(), batch.first()))
            .create();
        return name;
      } catch (KubernetesClientException e) {
        if (e.getCode() != 409 || attempt > 0) {
          throw e;
        }
      }
    }
  }

  /** Unique within this recorder and close to the event's time, like client-go's names. */
  private long nextSuffix(Instant time) {
    long nanos = time.getEpochSecond() * 1_000_000_000L + time.getNano();
    return lastSuffix.updateAndGet(last -> Math.max(last + 1, nanos));
  }
}
