package io.srcn.testkit.k8s.internal;

/**
 * Where one watch's events go: a WebSocket (fabric8) or a chunked HTTP response (client-go,
 * kubectl, the Python and Ruby clients). {@link #send} and {@link #end} come from the watch sender
 * thread, one at a time.
 */
interface WatchSink {
  /**
   * The watch starts (before any event): {@code cancel} ends the watch when the client goes away.
   */
  default void open(Runnable cancel) {}

  /** Sends one encoded watch event ({@code {"type":...,"object":...}}). */
  void send(String event);

  /** Ends the watch normally (timeout, server stop, client gone). Called once. */
  void end();
}
