package io.srcn.sdk.internal.events;

import io.srcn.sdk.Condition;
import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEvent.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SDK's standard group events, with consistent messages that name every address involved (never
 * credentials): {@code NodeRegistered}, {@code NodeDropped}, {@code RegistrationFailed}, {@code
 * FrontendUnavailable}, {@code Scaled}, {@code AddressModeMismatch} and {@code Degraded}.
 *
 * <p>Stateless and thread-safe.
 */
public final class GroupEvents {
  private static final int MAX_ERROR = 500;

  private GroupEvents() {}

  /** Normal: addresses were added with {@code ALTER SYSTEM ADD COMPUTE NODE}. */
  public static GroupEvent nodeRegistered(
      String namespace, String group, List<String> addresses, Instant time) {
    return event(namespace, group, Type.NORMAL, GroupEvent.NODE_REGISTERED, time)
        .message("Registered " + nodes(addresses) + " with the FE: " + String.join(", ", addresses))
        .addresses(addresses)
        .build();
  }

  /** Normal: addresses were dropped with {@code ALTER SYSTEM DROP COMPUTE NODE}. */
  public static GroupEvent nodeDropped(
      String namespace, String group, List<String> addresses, Instant time) {
    return event(namespace, group, Type.NORMAL, GroupEvent.NODE_DROPPED, time)
        .message("Dropped " + nodes(addresses) + " from the FE: " + String.join(", ", addresses))
        .addresses(addresses)
        .build();
  }

  /** Warning: adding ({@code drop} false) or dropping ({@code drop} true) addresses failed. */
  public static GroupEvent registrationFailed(
      String namespace,
      String group,
      boolean drop,
      List<String> addresses,
      String error,
      Instant time) {
    String what = drop ? "drop " : "add ";
    String where = drop ? " from the FE (" : " to the FE (";
    return event(namespace, group, Type.WARNING, GroupEvent.REGISTRATION_FAILED, time)
        .message(
            "Could not "
                + what
                + nodes(addresses)
                + where
                + String.join(", ", addresses)
                + "): "
                + clip(error))
        .addresses(addresses)
        .build();
  }

  /** Warning: no FE address answered. */
  public static GroupEvent frontendUnavailable(
      String namespace, String group, String error, Instant time) {
    return event(namespace, group, Type.WARNING, GroupEvent.FRONTEND_UNAVAILABLE, time)
        .message("No FE answered: " + clip(error))
        .build();
  }

  /** Normal: the StatefulSet's replicas changed. */
  public static GroupEvent scaled(String namespace, String group, int from, int to, Instant time) {
    return event(namespace, group, Type.NORMAL, GroupEvent.SCALED, time)
        .message(
            "Scaled " + (to > from ? "out" : "in") + " from " + from + " to " + to + " replicas")
        .build();
  }

  /**
   * Warning: the FE lists pods under other addresses than those registered; carries the
   * AddressModeMismatch condition's message, which names the pods and says how to fix it.
   */
  public static GroupEvent addressModeMismatch(
      String namespace, String group, Condition mismatch, Instant time) {
    return event(namespace, group, Type.WARNING, GroupEvent.ADDRESS_MODE_MISMATCH, time)
        .message(capitalize(mismatch.message()))
        .build();
  }

  /** Warning: the group became degraded; carries the Degraded condition's reason and message. */
  public static GroupEvent degraded(
      String namespace, String group, Condition degraded, Instant time) {
    return event(namespace, group, Type.WARNING, GroupEvent.DEGRADED, time)
        .message(degraded.reason() + ": " + degraded.message())
        .build();
  }

  /**
   * One node event for two of the same group and reason ({@code NodeRegistered} or {@code
   * NodeDropped}) that name the union of their addresses, at the later one's time; empty for other
   * reasons.
   */
  static Optional<GroupEvent> union(GroupEvent before, GroupEvent next) {
    boolean registered = next.reason().equals(GroupEvent.NODE_REGISTERED);
    if (!(registered || next.reason().equals(GroupEvent.NODE_DROPPED))
        || !before.reason().equals(next.reason())
        || !before.namespace().equals(next.namespace())
        || !before.group().equals(next.group())
        || next.addresses().isEmpty()) {
      return Optional.empty();
    }
    Set<String> all = new LinkedHashSet<>(before.addresses());
    all.addAll(next.addresses());
    List<String> addresses = new ArrayList<>(all);
    Instant time = before.time().isAfter(next.time()) ? before.time() : next.time();
    return Optional.of(
        registered
            ? nodeRegistered(next.namespace(), next.group(), addresses, time)
            : nodeDropped(next.namespace(), next.group(), addresses, time));
  }

  private static GroupEvent.Builder event(
      String namespace, String group, Type type, String reason, Instant time) {
    return GroupEvent.builder()
        .namespace(namespace)
        .group(group)
        .type(type)
        .reason(reason)
        .time(time);
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String nodes(List<String> addresses) {
    return addresses.size() + (addresses.size() == 1 ? " compute node" : " compute nodes");
  }

  private static String clip(String error) {
    String single = error.strip().replaceAll("\\s+", " ");
    return single.length() > MAX_ERROR ? single.substring(0, MAX_ERROR) + "..." : single;
  }
}
