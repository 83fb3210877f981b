package io.srcn.sdk;

/**
 * Receives the {@link GroupEvent}s of the groups the SDK manages: the same events it posts as
 * Kubernetes Events, each occurrence (Kubernetes folds repeats into a count; listeners see every
 * one).
 *
 * <p>Called from SDK threads, possibly several at once, so implementations must be thread-safe.
 * They must not block: hand slow work to your own executor. An exception thrown by a listener is
 * logged and ignored; it does not stop other listeners or the SDK.
 */
@FunctionalInterface
public interface GroupEventListener {
  /** Called once for each event. */
  void onEvent(GroupEvent event);
}
