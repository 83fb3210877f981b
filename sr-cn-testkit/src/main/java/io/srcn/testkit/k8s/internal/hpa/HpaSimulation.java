package io.srcn.testkit.k8s.internal.hpa;

import io.srcn.testkit.k8s.HpaSimulator;
import io.srcn.testkit.k8s.internal.ApiDispatcher;
import io.srcn.testkit.k8s.internal.InternalClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The HPA simulator: metric values, the clock (manual or real time) and the controller.
 *
 * <p>Thread-safe; syncs run on the controllers' single thread.
 */
public final class HpaSimulation implements HpaSimulator {
  private final ScheduledExecutorService executor;
  private final MetricValues values = new MetricValues();
  private final HpaController controller;
  private Instant manualNow = Instant.now();
  private boolean manual;
  private ScheduledFuture<?> realTime;

  /** Attaches a simulator; with {@code manualClock} false it syncs every 15 s in real time. */
  public HpaSimulation(
      ApiDispatcher server, ScheduledExecutorService executor, boolean manualClock) {
    this.executor = executor;
    this.controller = new HpaController(new InternalClient(server), server.resources(), values);
    this.manual = true;
    if (!manualClock) {
      realTime(Duration.ofSeconds(15));
    }
  }

  @Override
  public void setCpuUtilization(String namespace, String target, int percent) {
    values.target(
        required(namespace, "namespace"), required(target, "target"), "cpu", nonNegative(percent));
  }

  @Override
  public void setMemoryUtilization(String namespace, String target, int percent) {
    values.target(
        required(namespace, "namespace"),
        required(target, "target"),
        "memory",
        nonNegative(percent));
  }

  @Override
  public void setPodMetric(String namespace, String pod, String metric, double value) {
    values.pod(
        required(namespace, "namespace"),
        required(pod, "pod"),
        required(metric, "metric"),
        nonNegative(value));
  }

  @Override
  public void setMetric(String namespace, String hpa, String metricName, double value) {
    values.hpa(
        required(namespace, "namespace"),
        required(hpa, "hpa"),
        required(metricName, "metricName"),
        nonNegative(value));
  }

  @Override
  public void clearMetrics() {
    values.clear();
  }

  @Override
  public void tick(Duration elapsed) {
    Objects.requireNonNull(elapsed, "elapsed");
    if (elapsed.isNegative()) {
      throw new IllegalArgumentException("tick needs a non-negative duration, got " + elapsed);
    }
    Instant at;
    synchronized (this) {
      if (!manual) {
        throw new IllegalStateException(
            "the HPA simulator runs in real time; tick() needs the manual clock");
      }
      manualNow = manualNow.plus(elapsed);
      at = manualNow;
    }
    try {
      executor.submit(() -> controller.syncAll(at)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the HPA simulator synced", e);
    } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("HPA sync failed: " + e, e);
    }
  }

  @Override
  public synchronized void realTime(Duration period) {
    Objects.requireNonNull(period, "period");
    if (period.isNegative() || period.isZero()) {
      throw new IllegalArgumentException("realTime needs a positive period, got " + period);
    }
    if (realTime != null) {
      realTime.cancel(false);
    }
    manual = false;
    realTime =
        executor.scheduleAtFixedRate(
            this::syncNowSafely, period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void syncNowSafely() {
    try {
      controller.syncAll(Instant.now());
    } catch (RuntimeException e) {
      org.slf4j.LoggerFactory.getLogger(HpaSimulation.class).debug("HPA sync failed", e);
    }
  }

  @Override
  public synchronized Instant now() {
    return manual ? manualNow : Instant.now();
  }

  private static String required(String v, String what) {
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(what + " must not be empty");
    }
    return v;
  }

  private static double nonNegative(double v) {
    if (v < 0 || Double.isNaN(v)) {
      throw new IllegalArgumentException("metric values must be >= 0, got " + v);
    }
    return v;
  }
}
