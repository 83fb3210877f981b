package io.srcn.it.campaign;

import io.srcn.sdk.AddressMode;
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
 * <p>The FE's host mode (IP mode in a third of the episodes) and each group's address mode (POD_IP
 * in a quarter; otherwise AUTO, or explicit FQDN in a quarter of those, a mismatch on an IP-mode
 * FE) form a dimension of their own.
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

  /**
   * A group: its spec's address mode, whether the FE runs in IP mode, and fixed replicas or
   * autoscaled between 1 and {@code maxReplicas}.
   */
  record GroupPlan(String name, AddressMode mode, boolean feIpMode, int replicas, int maxReplicas) {
    boolean autoscaled() {
      return maxReplicas > 0;
    }

    /** True when the FE lists the group's pods by IP: POD_IP, or any mode on an IP-mode FE. */
    boolean ipMode() {
      return mode == AddressMode.POD_IP || feIpMode;
    }

    /** True when the group's ADDs name pods by DNS name (the FE may still store IPs). */
    boolean addsByName() {
      return mode == AddressMode.FQDN || (mode == AddressMode.AUTO && !feIpMode);
    }

    @Override
    public String toString() {
      return name
          + "("
          + mode.name().toLowerCase(java.util.Locale.ROOT)
          + (feIpMode ? " on ip-fe," : ",")
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
    FOREIGN_NODE,
    /**
     * A handle changes the spec while the controller runs: autoscaling off (arg 0) or on (1),
     * replicas through {@code update} (2), or cn.conf (3, the pods roll); {@code code} 1 takes the
     * handle from the controller's session, 0 uses the episode's handle (a session of its own).
     * Drawn from a stream of its own, so older seeds keep their steps.
     */
    SPEC_CHANGE,
    /**
     * Watches end and resourceVersions compact; drawn from a stream of its own (see {@link #of}).
     */
    WATCH_EXPIRY
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
          + (action == Action.SPEC_CHANGE ? (code == 1 ? ",same-session" : ",own-session") : "")
          + ")+"
          + pauseMillis
          + "ms";
    }
  }

  private static final long HOST_MODE_SALT = 0x1D0F_FE11_0DE5L;
  private static final long SPEC_CHANGE_SALT = 0x5BEC_C4A6_6E5EL;
  private static final long WATCH_EXPIRY_SALT = 0x0057_A7C4_E1A5L;

  /** The actions the main stream draws from (the original fourteen: older seeds keep plans). */
  private static final Action[] ACTIONS =
      java.util.Arrays.copyOfRange(Action.values(), 0, Action.FOREIGN_NODE.ordinal() + 1);

  private static final String[] NAMES = {"a", "b", "c"};
  private static final String[] WRITTEN = {"*", "statefulsets", "configmaps", "pods", "events"};

  /** The plan of {@code seed}. */
  static EpisodePlan of(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    // the FE host mode dimension draws from its own stream, so older seeds keep their steps
    SplittableRandom hostModes = new SplittableRandom(seed ^ HOST_MODE_SALT);
    boolean feIpMode = hostModes.nextInt(3) == 0;
    List<GroupPlan> groups = new ArrayList<>();
    int groupCount = 1 + r.nextInt(3);
    for (int i = 0; i < groupCount; i++) {
      boolean autoscaled = r.nextInt(3) == 0;
      boolean podIp = r.nextInt(4) == 0;
      AddressMode mode =
          podIp
              ? AddressMode.POD_IP
              : hostModes.nextInt(4) == 0 ? AddressMode.FQDN : AddressMode.AUTO;
      groups.add(
          new GroupPlan(
              NAMES[i], mode, feIpMode, 1 + r.nextInt(3), autoscaled ? 2 + r.nextInt(3) : 0));
    }
    List<String> foreign = new ArrayList<>();
    int foreignCount = 1 + r.nextInt(2);
    for (int i = 0; i < foreignCount; i++) {
      foreign.add(ForeignNodes.pick(r, NAMES[r.nextInt(groupCount)], i));
    }
    List<List<Step>> rounds = new ArrayList<>();
    int roundCount = 2 + r.nextInt(3);
    // "a handle changes the spec while the controller runs" draws from its own stream too
    SplittableRandom specChanges = new SplittableRandom(seed ^ SPEC_CHANGE_SALT);
    for (int k = 0; k < roundCount; k++) {
      List<Step> steps = new ArrayList<>();
      int stepCount = 4 + r.nextInt(5);
      for (int i = 0; i < stepCount; i++) {
        steps.add(step(r, groupCount));
      }
      int changes = specChanges.nextInt(3);
      for (int i = 0; i < changes; i++) {
        steps.add(specChanges.nextInt(steps.size() + 1), specChange(specChanges, groupCount));
      }
      rounds.add(List.copyOf(steps));
    }
    addWatchExpiries(seed, rounds);
    return new EpisodePlan(
        seed,
        List.copyOf(groups),
        List.copyOf(foreign),
        List.copyOf(rounds),
        r.nextBoolean(),
        r.nextInt(4) == 0);
  }

  /**
   * In about a third of the rounds, one step at a random place in which the API server compacts its
   * resourceVersions and ends every watch (arg 0: the watches end only; else both), so the SDK's
   * informers re-watch, get 410 Gone and relist. Drawn from a stream of its own: the other steps of
   * older seeds stay as they were.
   */
  private static void addWatchExpiries(long seed, List<List<Step>> rounds) {
    SplittableRandom e = new SplittableRandom(seed ^ WATCH_EXPIRY_SALT);
    for (int k = 0; k < rounds.size(); k++) {
      if (e.nextInt(3) == 0) {
        List<Step> steps = new ArrayList<>(rounds.get(k));
        int at = e.nextInt(steps.size() + 1);
        steps.add(at, new Step(Action.WATCH_EXPIRY, 0, e.nextInt(4), 0, "*", e.nextInt(150)));
        rounds.set(k, List.copyOf(steps));
      }
    }
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

  private static Step specChange(SplittableRandom r, int groupCount) {
    int group = r.nextInt(groupCount);
    int kind = r.nextInt(4);
    int sameSession = r.nextInt(2);
    int pause = r.nextInt(4) == 0 ? 0 : r.nextInt(150);
    return new Step(Action.SPEC_CHANGE, group, kind, sameSession, "", pause);
  }

  /** True when a step takes its handle from the controller's session. */
  boolean sharesTheControllersSession() {
    return rounds.stream()
        .flatMap(List::stream)
        .anyMatch(s -> s.action() == Action.SPEC_CHANGE && s.code() == 1);
  }

  /** True when the episode's FE runs in IP mode (it resolves added names and stores IPs). */
  boolean feIpMode() {
    return !groups.isEmpty() && groups.get(0).feIpMode();
  }

  @Override
  public String toString() {
    return "seed="
        + seed
        + (feIpMode() ? " fe=ip" : " fe=fqdn")
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
