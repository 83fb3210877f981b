package io.srcn.it.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The seeded randomized fault campaign (issue 9). Each episode deploys one to three groups (fixed
 * or autoscaled, FQDN or IP mode) next to foreign nodes and runs two to four scenarios on them; a
 * scenario mixes four to eight steps (HPA scale up and down, handle and raw scale, pod crash,
 * readiness loss, pod deletion, FE outage, failover between two FE addresses, the FE losing a node,
 * Kubernetes 409/500 on writes, controller restart, late foreign nodes), heals, and checks that
 * after quiescence the owned nodes in the FE are exactly the Ready pods' addresses. At the end of
 * an episode the groups are deleted and the campaign checks that nothing owned remains in the FE or
 * in Kubernetes, that no foreign node was touched, and that every ADD and DROP the FE received was
 * justified by the simulator's history.
 *
 * <p>System properties: {@code srcn.campaign.scenarios} (at least this many scenarios; default
 * 200), {@code srcn.campaign.seed} (replay one episode), {@code srcn.campaign.repeat} (replay it
 * this many times; timing differs between replays), {@code srcn.campaign.base} (the base seed the
 * episode seeds derive from), {@code srcn.campaign.fixtures} (episodes run in parallel, one fixture
 * each; default 3).
 *
 * <p>Tagged {@code campaign}: Maven runs it in a Surefire execution of its own, after the other
 * test classes and in its own JVM (sr-cn-testkit/pom.xml), so its timing and CPU figures are its
 * own.
 */
@Tag("campaign")
class FaultCampaignTest {
  private static final Logger LOG = LoggerFactory.getLogger(FaultCampaignTest.class);
  static final long DEFAULT_BASE = 0x5EED_CA3E_2025L;

  @Test
  void everyScenarioKeepsTheRegistrationInvariants() throws Exception {
    List<Long> seeds = seeds();
    int fixtures = Math.min(Integer.getInteger("srcn.campaign.fixtures", 3), seeds.size());
    Queue<Long> pending = new ConcurrentLinkedQueue<>(seeds);
    CampaignStats stats = new CampaignStats();
    ExecutorService pool = Executors.newFixedThreadPool(fixtures);
    List<Future<List<EpisodeResult>>> workers = new ArrayList<>();
    long started = System.nanoTime();
    long cpuStarted = cpuNanos();
    for (int i = 0; i < fixtures; i++) {
      workers.add(pool.submit(() -> runAll(pending, stats)));
    }
    List<String> failures = new ArrayList<>();
    for (Future<List<EpisodeResult>> w : workers) {
      for (EpisodeResult r : w.get()) {
        if (!r.passed()) {
          failures.add(r.report());
        }
      }
    }
    pool.shutdown();
    long seconds = (System.nanoTime() - started) / 1_000_000_000L;
    LOG.info(
        "fault campaign: {} in {} s ({} s of CPU), {} failed",
        stats,
        seconds,
        (cpuNanos() - cpuStarted) / 1_000_000_000L,
        failures.size());
    assertThat(stats.episodes()).isEqualTo(seeds.size());
    assertThat(failures).as("failed episodes (each replays with its seed)").isEmpty();
  }

  private static List<EpisodeResult> runAll(Queue<Long> pending, CampaignStats stats) {
    List<EpisodeResult> results = new ArrayList<>();
    try (CampaignFixture fixture = new CampaignFixture()) {
      EpisodeRunner runner = new EpisodeRunner(fixture, stats);
      for (Long seed = pending.poll(); seed != null; seed = pending.poll()) {
        EpisodeResult r = runner.run(EpisodePlan.of(seed));
        if (!r.passed()) {
          LOG.error("campaign failure: {}", r.report());
        } else {
          LOG.info("episode {} passed, phases (ms) {}", seed, r.phases());
        }
        results.add(r);
      }
    }
    return results;
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean()
            instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime()
        : 0;
  }

  /**
   * The episode seeds: one replayed seed, or as many derived from the base seed as it takes to run
   * {@code srcn.campaign.scenarios} scenarios.
   */
  static List<Long> seeds() {
    String replay = System.getProperty("srcn.campaign.seed");
    if (replay != null && !replay.isBlank()) {
      return java.util.Collections.nCopies(
          Integer.getInteger("srcn.campaign.repeat", 1), Long.parseLong(replay.trim()));
    }
    int count = Integer.getInteger("srcn.campaign.scenarios", 200);
    long base = Long.getLong("srcn.campaign.base", DEFAULT_BASE);
    SplittableRandom r = new SplittableRandom(base);
    List<Long> seeds = new ArrayList<>();
    for (int scenarios = 0; scenarios < count; ) {
      long seed = r.nextLong();
      seeds.add(seed);
      scenarios += EpisodePlan.of(seed).rounds().size();
    }
    return seeds;
  }
}
