package io.srcn.sdk.internal.events;

import io.srcn.sdk.Condition;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The events a new status implies by comparison with the previous one, so the reconciler need not
 * track them: {@code Scaled} when the desired replicas changed, {@code Degraded} when the group
 * became degraded or is degraded for another reason, {@code AddressModeMismatch} (with the fix)
 * when that condition became true, instead of a {@code Degraded} event saying the same.
 * (Registration, drop and FE failures are recorded where they happen.)
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusTransitions {
  private StatusTransitions() {}

  /**
   * The events, in the order Scaled, Degraded, AddressModeMismatch; none on the first status, since
   * there is nothing to compare with.
   */
  public static List<GroupEvent> events(Optional<GroupStatus> previous, GroupStatus current) {
    List<GroupEvent> events = new ArrayList<>();
    if (previous.isPresent()) {
      GroupStatus before = previous.get();
      Optional<Condition> mismatch = becameTrue(before, current, Condition.ADDRESS_MODE_MISMATCH);
      scaled(before, current).ifPresent(events::add);
      degraded(before, current, mismatch.isPresent()).ifPresent(events::add);
      mismatch
          .map(c -> GroupEvents.addressModeMismatch(ns(current), name(current), c, at(current)))
          .ifPresent(events::add);
    }
    return events;
  }

  private static Optional<GroupEvent> scaled(GroupStatus before, GroupStatus now) {
    if (before.desiredReplicas() == now.desiredReplicas()) {
      return Optional.empty();
    }
    return Optional.of(
        GroupEvents.scaled(
            ns(now), name(now), before.desiredReplicas(), now.desiredReplicas(), at(now)));
  }

  /** Degraded now, and not before or for another reason; unless the mismatch event says it. */
  private static Optional<GroupEvent> degraded(
      GroupStatus before, GroupStatus now, boolean mismatchReported) {
    Optional<Condition> degraded = now.condition(Condition.DEGRADED).filter(Condition::isTrue);
    Optional<String> reasonBefore =
        before.condition(Condition.DEGRADED).filter(Condition::isTrue).map(Condition::reason);
    Optional<String> reason = degraded.map(Condition::reason);
    boolean news = degraded.isPresent() && !reasonBefore.equals(reason);
    boolean saidByMismatch =
        mismatchReported && reason.equals(Optional.of(Condition.ADDRESS_MODE_MISMATCH));
    return news && !saidByMismatch
        ? Optional.of(GroupEvents.degraded(ns(now), name(now), degraded.get(), at(now)))
        : Optional.empty();
  }

  private static Optional<Condition> becameTrue(GroupStatus before, GroupStatus now, String type) {
    boolean wasTrue = before.condition(type).map(Condition::isTrue).orElse(false);
    return now.condition(type).filter(c -> c.isTrue() && !wasTrue);
  }

  private static String ns(GroupStatus s) {
    return s.namespace();
  }

  private static String name(GroupStatus s) {
    return s.name();
  }

  private static Instant at(GroupStatus s) {
    return s.observedAt();
  }
}
