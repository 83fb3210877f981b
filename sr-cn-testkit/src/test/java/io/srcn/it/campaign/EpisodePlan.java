package io.srcn.it.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * What one episode does, derived from its seed alone: the groups it deploys next to foreign nodes,
 * then two to four scenarios (rounds of four to eight steps: faults and scale events, each followed
 * by a pause; then healing, quiescence and the registration checks), then how the groups are
 * deleted. Deploying and deleting groups costs more than a round of faults, so an episode shares
 * them among its scenarios. The same seed always gives the same plan; the timing between threads is
 * the only thing a replay does not repeat.
 *
 * @param seed the episode's seed
 * @param groups the groups deployed at the start
 * @param foreign foreign nodes registered on the FE before the first deploy
 * @param rounds the scenarios: each a list of steps, in order
 * @param controllerFirst whether the controller starts before the groups are deployed
 * @param faultyDelete whether the delete meets an FE error and a Kubernetes 500 (and is retried)
 */
record EpisodePlan(
    long seed,
    List<GroupPlan> groups,
    List<String> foreign,
    List<List<Step>> rounds,
    boolean controllerFirst,
    boolean faultyDelete) {

  /** A group: fixed replicas, or autoscaled between 1 and {@code maxReplicas}. */
  record GroupPlan(String name, boolean ipMode, int replicas, int maxReplicas) {
    boolean autoscaled() {
      return maxReplicas > 0;
    }

    @Override
    public String toString() {
      return name
          + (ipMode ? "(ip," : "(fqdn,")
          + (autoscaled() ? "hpa 1.." + maxReplicas : "replicas " + replicas)
          + ")";
    }
  }

  /** The kinds of step a scenario mixes. */
  enum Action {
    HPA_UP,
    HPA_DOWN,
    HANDLE_SCALE,
    RAW_SCALE,
    CRASH_POD,
    READINESS_LOSS,
    READINESS_BACK,
    DELETE_POD,
    FE_OUTAGE,
    FAILOVER,
    FE_LOSES_NODE,
    K8S_WRITE_FAULTS,
    CONTROLLER_RESTART,
    FOREIGN_NODE
  }

  /**
   * One step.
   *
   * @param action what to do
   * @param group the index of the group it concerns
   * @param arg an ordinal, a replica count, a fault count or a duration in ms, per action
   * @param code the HTTP code for {@link Action#K8S_WRITE_FAULTS}
   * @param resource the resource whose writes fail, for {@link Action#K8S_WRITE_FAULTS}
   * @param pauseMillis the pause after the step
   */
  record Step(Action action, int group, int arg, int code, String resource, int pauseMillis) {
    @Override
    public String toString() {
      return action
          + "(g"
          + group
          + ","
          + arg
          + (action == Action.K8S_WRITE_FAULTS ? "," + code + "," + resource : "")
          + ")+"
          + pauseMillis
          + "ms";
    }
  }

  private static final Action[] ACTIONS = Action.values();
  private static final String[] NAMES = {"a", "b", "c"};
  private static final String[] WRITTEN = {"*", "statefulsets", "configmaps", "pods", "events"};

  /** The plan of {@code seed}. */
  static EpisodePlan of(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<GroupPlan> groups = new ArrayList<>();
    int groupCount = 1 + r.nextInt(3);
    for (int i = 0; i < groupCount; i++) {
      boolean autoscaled = r.nextInt(3) == 0;
      groups.add(
          new GroupPlan(
              NAMES[i], r.nextInt(4) == 0, 1 + r.nextInt(3), autoscaled ? 2 + r.nextInt(3) : 0));
    }
    List<String> foreign = new ArrayList<>();
    int foreignCount = 1 + r.nextInt(2);
    for (int i = 0; i < foreignCount; i++) {
      foreign.add(ForeignNodes.pick(r, NAMES[r.nextInt(groupCount)], i));
    }
    List<List<Step>> rounds = new ArrayList<>();
    int roundCount = 2 + r.nextInt(3);
    for (int k = 0; k < roundCount; k++) {
      List<Step> steps = new ArrayList<>();
      int stepCount = 4 + r.nextInt(5);
      for (int i = 0; i < stepCount; i++) {
        steps.add(step(r, groupCount));
      }
      rounds.add(List.copyOf(steps));
    }
    return new EpisodePlan(
        seed,
        List.copyOf(groups),
        List.copyOf(foreign),
        List.copyOf(rounds),
        r.nextBoolean(),
        r.nextInt(4) == 0);
  }

  private static Step step(SplittableRandom r, int groupCount) {
    Action action = ACTIONS[r.nextInt(ACTIONS.length)];
    int group = r.nextInt(groupCount);
    int arg =
        switch (action) {
          case HANDLE_SCALE, RAW_SCALE -> r.nextInt(5);
          case FE_OUTAGE, FAILOVER -> 50 + r.nextInt(400);
          case K8S_WRITE_FAULTS -> 1 + r.nextInt(4);
          default -> r.nextInt(4);
        };
    int code = r.nextBoolean() ? 409 : 500;
    String resource = WRITTEN[r.nextInt(WRITTEN.length)];
    int pause = r.nextInt(4) == 0 ? 0 : r.nextInt(150);
    return new Step(action, group, arg, code, resource, pause);
  }

  @Override
  public String toString() {
    return "seed="
        + seed
        + " groups="
        + groups
        + " foreign="
        + foreign
        + rounds.stream()
            .map(steps -> steps.stream().map(Step::toString).collect(Collectors.joining(" ")))
            .collect(Collectors.joining(" | ", " rounds=[", "]"))
        + (controllerFirst ? " controller-first" : " deploy-first")
        + (faultyDelete ? " faulty-delete" : "");
  }
}
