package io.srcn.examples.internal;

import io.srcn.examples.internal.QuickStartEnvironment.ScaleDriver;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeController;
import io.srcn.sdk.ComputeNodeGroup;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.GhostNode;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.NodeStatus;
import io.srcn.sdk.fe.FrontendClient;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The quick-start, step by step: start an embedded controller, deploy the seed's autoscaling group,
 * make its HPA scale out to four pods and watch them register with the FE, make it scale back in
 * and watch the drops, delete the group, and print the final status. The same steps run on the
 * embedded testkit and on a real cluster; only the {@link QuickStartEnvironment} differs.
 *
 * <p>Not thread-safe; run it once.
 */
public final class QuickStartFlow {
  private static final int STEPS = 6;

  private final QuickStartEnvironment env;
  private final QuickStartSettings settings;
  private final Console console;
  private final Progress progress;
  private final EventLog events;

  /** A flow in {@code env}, printing on {@code console}. */
  public QuickStartFlow(QuickStartEnvironment env, QuickStartSettings settings, Console console) {
    this.env = env;
    this.settings = settings;
    this.console = console;
    this.progress = new Progress(console);
    this.events = new EventLog(console);
  }

  /**
   * Runs every step.
   *
   * @return what was observed
   * @throws CnSdkException when a step fails or times out, or the FE still lists the group's nodes
   *     after the delete; the group is deleted before the exception leaves (best effort)
   */
  public QuickStartReport run() {
    header();
    ComputeNodeGroupSpec spec = QuickStartGroup.spec(settings, env.frontend());
    step(1, "starting an embedded ComputeNodeController (it registers pods as the HPA adds them)");
    try (ComputeNodeController controller = startController()) {
      step(2, "deploying %s/%s", spec.namespace(), spec.name());
      try (ComputeNodeGroup group = spec.deploy(env.kube(), env.resolver())) {
        group.addListener(events);
        return scaleAndDelete(controller, group);
      }
    }
  }

  private QuickStartReport scaleAndDelete(
      ComputeNodeController controller, ComputeNodeGroup group) {
    boolean deleted = false;
    try {
      GroupStatus deployed;
      GroupStatus out;
      GroupStatus in;
      try (ScaleDriver driver = env.scaleDriver(group, settings)) {
        deployed =
            await(
                controller,
                group,
                "the first pod serving",
                Progress.serving(1).and(this::hpaComputed));
        done("deployed: 1 pod Ready, registered and Alive in the FE", deployed);
        step(3, "%s", driver.scaleOutDescription());
        driver.scaleOut();
        out = await(controller, group, "4 pods serving", Progress.serving(QuickStartGroup.PEAK));
        done("scaled out: 4 pods Ready, registered and Alive", out);
        step(4, "%s", driver.scaleInDescription());
        driver.scaleIn();
        in = await(controller, group, "1 pod serving", Progress.serving(1));
        done(
            String.format(
                Locale.ROOT,
                "scaled in: the %d removed pods were dropped from the FE",
                out.nodes().size() - in.nodes().size()),
            in);
      }
      step(5, "deleting the group: HPA first, pods stop gracefully, nodes dropped, then objects");
      delete(controller, group);
      deleted = true;
      GroupStatus after = group.status();
      step(6, "final status");
      console.block(after.toTable());
      List<String> registered = registered(deployed, out);
      List<String> left = leftovers(after, registered);
      if (!left.isEmpty()) {
        throw new CnSdkException("the FE still lists nodes of the deleted group: " + left);
      }
      console.line(
          "done: the FE lists none of the group's nodes (%d registered, %d dropped)",
          registered.size(), events.dropped().size());
      return new QuickStartReport(
          deployed, out, in, after, registered, events.dropped(), left, console.elapsedSeconds());
    } finally {
      if (!deleted) {
        cleanUp(group);
      }
    }
  }

  private void header() {
    console.plain("sr-cn-sdk quick-start: a CN group autoscales 1 -> 4 -> 1 pods and its pods are");
    console.plain("registered with the StarRocks FE as they come and dropped as they go.");
    console.plain("");
    console.plain("Environment: " + String.join("\n", env.description()));
    console.plain(
        "Group: "
            + settings.namespace()
            + "/"
            + settings.name()
            + ", image "
            + settings.image()
            + "; autoscaling "
            + QuickStartGroup.describe(settings));
    console.plain("");
  }

  private ComputeNodeController startController() {
    ComputeNodeController controller =
        ComputeNodeController.builder(env.kube())
            .namespace(settings.namespace())
            .resyncPeriod(settings.resync())
            .credentialsResolver(env.resolver())
            .build();
    controller.addListener(events);
    return controller.start();
  }

  private GroupStatus await(
      ComputeNodeController controller,
      ComputeNodeGroup group,
      String what,
      Predicate<GroupStatus> done) {
    return progress.await(
        group.namespace() + "/" + group.name(),
        what,
        () -> controller.status(group.namespace(), group.name()),
        done,
        settings.stepTimeout());
  }

  /** The HPA has computed a desired count (once it has metrics), so the table shows it. */
  private boolean hpaComputed(GroupStatus s) {
    return !env.hasMetrics() || s.hpa().map(h -> h.desiredReplicas() > 0).orElse(true);
  }

  private void delete(ComputeNodeController controller, ComputeNodeGroup group) {
    try (ProgressTicker ticker =
        ProgressTicker.start(
            console,
            () -> controller.status(group.namespace(), group.name()).map(Progress::line),
            Duration.ofMillis(200))) {
      group.delete();
    }
    console.line("deleted: every object of %s/%s is gone", group.namespace(), group.name());
  }

  /**
   * Every address registered during the run: the events' (the controller's registrations) plus what
   * the statuses showed registered (the deploy's first pass may register the first pod before a
   * listener can be added to the new handle).
   */
  private List<String> registered(GroupStatus... statuses) {
    Set<String> all = new LinkedHashSet<>();
    for (GroupStatus s : statuses) {
      s.nodes().stream()
          .filter(NodeStatus::registered)
          .forEach(n -> n.address().ifPresent(all::add));
    }
    all.addAll(events.registered());
    return List.copyOf(all);
  }

  private List<String> leftovers(GroupStatus after, List<String> registered) {
    Set<String> ours = new HashSet<>(registered);
    after.ghosts().stream().map(GhostNode::address).forEach(ours::add);
    try (FrontendClient fe = FrontendClient.create(env.frontend())) {
      return fe.computeNodes().stream()
          .map(n -> n.address().toString())
          .filter(ours::contains)
          .toList();
    }
  }

  private void cleanUp(ComputeNodeGroup group) {
    console.line("cleaning up: deleting %s/%s", group.namespace(), group.name());
    try {
      group.delete();
    } catch (RuntimeException e) {
      console.line("cleanup failed: %s", e.getMessage());
    }
  }

  private void step(int n, String format, Object... args) {
    console.line("%d/%d %s", n, STEPS, String.format(Locale.ROOT, format, args));
  }

  private void done(String message, GroupStatus s) {
    console.line("%s", message);
    console.block(s.toTable());
  }
}
