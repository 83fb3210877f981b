package io.srcn.testkit;

/**
 * The lifecycle every testkit server shares ({@link io.srcn.testkit.fe.FakeFrontend}, {@link
 * io.srcn.testkit.k8s.MockKubernetes}), after Testcontainers' {@code Startable}:
 *
 * <ul>
 *   <li>{@link #start()} binds 127.0.0.1 (port 0 unless the builder chose one) and starts the
 *       server's background work; it is idempotent and returns when the server accepts connections.
 *   <li>{@link #stop()} closes the listener and every open connection and stops the background
 *       work; it is idempotent and returns when the port is released.
 *   <li>{@link #close()} is {@link #stop()} and also gives up whatever a restartable server keeps
 *       for its restart (the fake FE keeps its port reserved between stop and start); a server
 *       works in try-with-resources.
 *   <li>Whether a stopped server can start again is the one difference, stated by {@link
 *       #restartable()}: the fake FE can (same port, its nodes, users and warehouses kept: that is
 *       how outages are simulated); the mock API server cannot (stopping it closes its shared
 *       client, watches and simulators for good), and {@link #start()} after {@link #stop()} throws
 *       {@link IllegalStateException}.
 * </ul>
 *
 * <p>Implementations are thread-safe.
 */
public interface TestServer extends AutoCloseable {
  /**
   * Starts the server if it is not running; a no-op while running.
   *
   * @return this server
   * @throws IllegalStateException when stopped and not {@link #restartable()}
   */
  TestServer start();

  /** Stops the server if it is running; a no-op otherwise. */
  void stop();

  /** True between {@link #start()} and {@link #stop()}. */
  boolean isRunning();

  /** Whether {@link #start()} after {@link #stop()} starts the server again (with its state). */
  boolean restartable();

  /** {@link #stop()}, giving up what a restartable server keeps for its restart. */
  @Override
  default void close() {
    stop();
  }
}
