package io.srcn.examples.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The pace of the quick-start: its group's name and namespace, the autoscaling policy's timing, how
 * often the embedded controller resyncs, and how long each step may take; plus, for the embedded
 * testkit only, the simulators' timing.
 *
 * <p>The seed's policy adds one pod per 10 s. {@link #demo()} keeps its shape (one pod per period)
 * with a 2 s period so the whole run takes a few seconds; {@link #fast()} is for tests; {@link
 * #cluster()} is the seed's own timing, for a real cluster.
 *
 * <p>Immutable and thread-safe.
 *
 * @param namespace the group's namespace
 * @param name the group's name
 * @param image the CN image
 * @param scaleStep the period of the scale-up and scale-down rules (one pod per period)
 * @param scaleDownStabilization the HPA's scale-down stabilization window
 * @param resync the embedded controller's resync period
 * @param stepTimeout how long one step (deploy, scale out, scale in) may take
 * @param hpaSync embedded testkit: how often the simulated HPA syncs
 * @param heartbeat embedded testkit: the fake FE's heartbeat interval
 * @param podReadyDelay embedded testkit: time from pod creation to Ready
 */
public record QuickStartSettings(
    String namespace,
    String name,
    String image,
    Duration scaleStep,
    Duration scaleDownStabilization,
    Duration resync,
    Duration stepTimeout,
    Duration hpaSync,
    Duration heartbeat,
    Duration podReadyDelay) {

  /** The default image. */
  public static final String IMAGE = "starrocks/cn-ubuntu:3.3.5";

  /** Checks that nothing is null. */
  public QuickStartSettings {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(image, "image");
    Objects.requireNonNull(scaleStep, "scaleStep");
    Objects.requireNonNull(scaleDownStabilization, "scaleDownStabilization");
    Objects.requireNonNull(resync, "resync");
    Objects.requireNonNull(stepTimeout, "stepTimeout");
    Objects.requireNonNull(hpaSync, "hpaSync");
    Objects.requireNonNull(heartbeat, "heartbeat");
    Objects.requireNonNull(podReadyDelay, "podReadyDelay");
  }

  /** The embedded demo: one pod per 2 s each way, HPA sync 500 ms, pods ready after 300 ms. */
  public static QuickStartSettings demo() {
    return new QuickStartSettings(
        "starrocks",
        "quickstart",
        IMAGE,
        Duration.ofSeconds(2),
        Duration.ofSeconds(2),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        Duration.ofMillis(500),
        Duration.ofMillis(200),
        Duration.ofMillis(300));
  }

  /** For tests: one pod per second each way, no stabilization, fast simulators. */
  public static QuickStartSettings fast() {
    return new QuickStartSettings(
        "starrocks",
        "quickstart",
        IMAGE,
        Duration.ofSeconds(1),
        Duration.ZERO,
        Duration.ofMillis(300),
        Duration.ofSeconds(60),
        Duration.ofMillis(100),
        Duration.ofMillis(50),
        Duration.ofMillis(50));
  }

  /**
   * A real cluster: the seed's timing (one pod per 10 s), 30 s scale-down stabilization, 10 s
   * resync, 10 minutes per step (images must be pulled). The testkit fields are unused.
   */
  public static QuickStartSettings cluster() {
    return new QuickStartSettings(
        "default",
        "quickstart",
        IMAGE,
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        Duration.ofSeconds(10),
        Duration.ofMinutes(10),
        Duration.ofSeconds(15),
        Duration.ofSeconds(5),
        Duration.ZERO);
  }

  /** A copy in another namespace. */
  public QuickStartSettings withNamespace(String ns) {
    return new QuickStartSettings(
        ns,
        name,
        image,
        scaleStep,
        scaleDownStabilization,
        resync,
        stepTimeout,
        hpaSync,
        heartbeat,
        podReadyDelay);
  }

  /** A copy with another group name. */
  public QuickStartSettings withName(String n) {
    return new QuickStartSettings(
        namespace,
        n,
        image,
        scaleStep,
        scaleDownStabilization,
        resync,
        stepTimeout,
        hpaSync,
        heartbeat,
        podReadyDelay);
  }

  /** A copy with another image. */
  public QuickStartSettings withImage(String i) {
    return new QuickStartSettings(
        namespace,
        name,
        i,
        scaleStep,
        scaleDownStabilization,
        resync,
        stepTimeout,
        hpaSync,
        heartbeat,
        podReadyDelay);
  }
}
