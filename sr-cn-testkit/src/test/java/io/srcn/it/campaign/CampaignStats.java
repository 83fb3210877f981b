package io.srcn.it.campaign;

import io.srcn.it.campaign.EpisodePlan.Action;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts over a campaign: episodes, scenarios, invariant checks, steps by kind, operations that
 * failed on an injected fault (and were retried or tolerated, as a platform would).
 *
 * <p>Thread-safe.
 */
final class CampaignStats {
  private final AtomicLong episodes = new AtomicLong();
  private final AtomicLong scenarios = new AtomicLong();
  private final AtomicLong checks = new AtomicLong();
  private final AtomicLong operationFailures = new AtomicLong();
  private final AtomicLong statements = new AtomicLong();
  private final Map<Action, AtomicLong> steps = new EnumMap<>(Action.class);

  CampaignStats() {
    for (Action a : Action.values()) {
      steps.put(a, new AtomicLong());
    }
  }

  void episode() {
    episodes.incrementAndGet();
  }

  void scenario() {
    scenarios.incrementAndGet();
  }

  void checks(long n) {
    checks.addAndGet(n);
  }

  void statements(long n) {
    statements.addAndGet(n);
  }

  void fault(Action a) {
    steps.get(a).incrementAndGet();
  }

  void operationFailed() {
    operationFailures.incrementAndGet();
  }

  long episodes() {
    return episodes.get();
  }

  long scenarios() {
    return scenarios.get();
  }

  long checks() {
    return checks.get();
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append("episodes=")
        .append(episodes.get())
        .append(" scenarios=")
        .append(scenarios.get())
        .append(" invariantChecks=")
        .append(checks.get())
        .append(" feStatementsAudited=")
        .append(statements.get())
        .append(" operationsFailedOnInjectedFaults=")
        .append(operationFailures.get())
        .append(" steps={");
    steps.forEach((a, n) -> sb.append(a).append('=').append(n.get()).append(' '));
    return sb.append('}').toString();
  }
}
