package io.srcn.sdk.internal.sync;

/**
 * Everything the controller loop keeps about one group, so that forgetting a group is one removal.
 * A worker holds a group exclusively while it processes it (the {@link WorkQueue} hands a key to
 * one worker at a time).
 *
 * <p>Thread-safe: fields are volatile.
 */
final class GroupEntry {
  /** The group's runtime, once its recorded spec was read. */
  volatile GroupRuntime runtime;

  /** The {@code srcn.io/spec} annotation the runtime's spec was read from. */
  volatile String recordedSpec;

  /** Failed passes in a row (for the retry backoff). */
  volatile int failures;

  /** What the last drift check that found no drift compared, or null ({@link CacheDrift}). */
  volatile CacheDrift.Clean clean;
}
