package io.srcn.it.campaign;

import io.srcn.it.campaign.Ownership.Owner;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.StatementRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Judges every {@code ALTER SYSTEM ADD|DROP COMPUTE NODE} the FE received during a scenario against
 * the simulator's history:
 *
 * <ul>
 *   <li>a DROP never names a foreign node;
 *   <li>a DROP of a group's node is justified only if the group was being deleted, or (IP mode) the
 *       pod incarnation that had the address had left the store before the statement arrived, or at
 *       some instant within {@link #SLACK} before the statement the pod did not exist and its
 *       ordinal was at or beyond the StatefulSet's replicas. This covers "no node dropped while its
 *       pod was Ready with ordinal &lt; replicas" and the stronger design rule that a restarting or
 *       re-created pod keeps its registration;
 *   <li>an ADD names a pod that was Ready with ordinal &lt; replicas at some instant within {@link
 *       #SLACK} before the statement (IP mode: the very incarnation that had the IP, which must not
 *       have left the store more than {@link #SLACK} before), and no ADD comes after the group's
 *       delete began.
 * </ul>
 *
 * {@link #SLACK} allows for the time between the engine's observation and the statement's arrival:
 * informer delivery, the one FE connection all groups share, and an FE call that rides out one of
 * the campaign's outages (at most 450 ms plus the client's backoff). It is the only tolerance in
 * the audit; the history's times are those of the store changes themselves, and so are the times of
 * an incarnation's deletion: {@link PodWatch} only maps IPs to incarnations (uids), because its own
 * deliveries can be seconds late under load.
 */
final class StatementAudit {
  static final Duration SLACK = Duration.ofSeconds(2);
  private static final Pattern LITERAL = Pattern.compile("'([^']*)'");

  private final Timeline timeline;
  private final Ownership ownership;
  private final PodWatch pods;
  private final Set<HostPort> foreign;
  private final Map<String, Instant> deleteStarted;
  private final List<String> violations = new ArrayList<>();
  private int checks;

  StatementAudit(
      Timeline timeline,
      Ownership ownership,
      PodWatch pods,
      Set<HostPort> foreign,
      Map<String, Instant> deleteStarted) {
    this.timeline = timeline;
    this.ownership = ownership;
    this.pods = pods;
    this.foreign = foreign;
    this.deleteStarted = deleteStarted;
  }

  /** Audits the statements; returns the violations found. */
  List<String> audit(List<StatementRecord> statements) {
    for (StatementRecord s : statements) {
      String sql = s.sql().toUpperCase(Locale.ROOT);
      boolean add = sql.startsWith("ALTER SYSTEM ADD COMPUTE NODE");
      boolean drop = sql.startsWith("ALTER SYSTEM DROP COMPUTE NODE");
      if (!add && !drop) {
        continue;
      }
      Matcher m = LITERAL.matcher(s.sql());
      while (m.find()) {
        HostPort address = HostPort.parse(m.group(1));
        checks++;
        judge(s, add, address);
      }
    }
    return violations;
  }

  /** How many (statement, address) pairs were judged. */
  int checks() {
    return checks;
  }

  private void judge(StatementRecord s, boolean add, HostPort address) {
    String what = (add ? "ADD " : "DROP ") + address + " at " + s.time() + " (" + s.outcome() + ")";
    if (foreign.contains(address)) {
      violations.add("FOREIGN_NODE_TOUCHED: " + what);
      return;
    }
    Optional<Owner> owner = ownership.owner(address);
    if (owner.isEmpty()) {
      violations.add("UNOWNED_ADDRESS: " + what + " belongs to no group of the scenario");
      return;
    }
    if (add) {
      judgeAdd(s.time(), owner.get(), address, what);
    } else {
      judgeDrop(s.time(), owner.get(), address, what);
    }
  }

  private void judgeDrop(Instant t, Owner o, HostPort address, String what) {
    Instant deleting = deleteStarted.get(o.group().name());
    if (deleting != null && !t.isBefore(deleting)) {
      return;
    }
    Optional<PodWatch.Incarnation> incarnation = incarnation(o, address);
    Optional<Instant> gone = incarnation.flatMap(i -> timeline.deleted(i.uid()));
    if (gone.isPresent() && !gone.get().isAfter(t)) {
      return; // that incarnation had left the store before the DROP arrived: no slack needed
    }
    String sts = o.group().name() + "-cn";
    boolean justified =
        timeline.someTimeWithin(
            t,
            SLACK,
            at -> !timeline.exists(o.pod(), at) && timeline.replicas(sts, at) <= o.ordinal());
    if (!justified) {
      violations.add(
          "WRONG_DROP: "
              + what
              + ": pod "
              + o.pod()
              + (timeline.ready(o.pod(), t) ? " Ready" : " not Ready")
              + (timeline.exists(o.pod(), t) ? ", existing" : ", absent")
              + ", replicas "
              + timeline.replicas(sts, t)
              + incarnation
                  .map(i -> ", " + i + (gone.isPresent() ? " deleted at " + gone.get() : " live"))
                  .orElse("")
              + timeline.around(o.pod(), sts, t));
    }
  }

  private void judgeAdd(Instant t, Owner o, HostPort address, String what) {
    Instant deleting = deleteStarted.get(o.group().name());
    if (deleting != null && t.isAfter(deleting.plus(SLACK))) {
      violations.add("ADD_AFTER_DELETE: " + what + ", delete began at " + deleting);
      return;
    }
    String sts = o.group().name() + "-cn";
    Optional<PodWatch.Incarnation> incarnation = incarnation(o, address);
    // An IP names one incarnation: only that incarnation's readiness justifies adding it.
    boolean justified =
        timeline.someTimeWithin(
            t,
            SLACK,
            at ->
                incarnation
                        .map(i -> timeline.incarnationReady(i.uid(), at))
                        .orElseGet(() -> timeline.ready(o.pod(), at))
                    && o.ordinal() < timeline.replicas(sts, at));
    Optional<Instant> gone = incarnation.flatMap(i -> timeline.deleted(i.uid()));
    boolean stale = gone.map(g -> g.isBefore(t.minus(SLACK))).orElse(false);
    if (!justified || stale) {
      violations.add(
          "PREMATURE_ADD: "
              + what
              + ": pod "
              + o.pod()
              + (stale
                  ? " (that incarnation was deleted at " + gone.get() + ")"
                  : " not Ready within the slack")
              + ", replicas "
              + timeline.replicas(sts, t)
              + incarnation.map(i -> " " + i).orElse("")
              + timeline.around(o.pod(), sts, t));
    }
  }

  /** The pod incarnation an IP-mode group's address names (none for a name or another mode). */
  private Optional<PodWatch.Incarnation> incarnation(Owner o, HostPort address) {
    return o.group().ipMode()
        ? pods.byIp(address.host()).filter(i -> i.pod().equals(o.pod()))
        : Optional.empty();
  }
}
