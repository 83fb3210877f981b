package io.srcn.sdk.internal.status;

import io.srcn.sdk.Condition;
import io.srcn.sdk.ConditionStatus;
import io.srcn.sdk.GhostNode;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.HpaStatus;
import io.srcn.sdk.NodeStatus;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Renders a {@link GroupStatus} for humans, like {@code kubectl get}: a header block (group,
 * generation, replicas, HPA, FE counts), the conditions, one line per node, the hints, and the
 * ghosts. Ages ({@code AGE}, {@code HEARTBEAT}) are measured back from {@code observedAt}, so the
 * output depends on the status alone.
 *
 * <p>Stateless and thread-safe.
 */
public final class StatusTable {
  private StatusTable() {}

  /** The table, ending with a newline. */
  public static String render(GroupStatus s) {
    StringBuilder out = new StringBuilder();
    header(s, out);
    conditions(s, out);
    nodes(s, out);
    hints(s, out);
    ghosts(s, out);
    return out.toString();
  }

  /** One line for logs and timeouts. */
  public static String summary(GroupStatus s) {
    StringBuilder sb = new StringBuilder();
    sb.append(s.namespace()).append('/').append(s.name());
    sb.append(" gen ").append(s.observedGeneration()).append(": ");
    sb.append(s.desiredReplicas()).append(" desired, ");
    sb.append(s.currentReplicas()).append(" current, ");
    sb.append(s.readyReplicas()).append(" ready, ");
    sb.append(s.registeredCount()).append(" registered, ");
    sb.append(s.aliveCount()).append(" alive, ");
    sb.append(s.ghosts().size()).append(s.ghosts().size() == 1 ? " ghost" : " ghosts");
    for (Condition c : s.conditions()) {
      boolean news = isPositive(c.type()) ? !c.isTrue() : c.status() != ConditionStatus.FALSE;
      if (c.type().equals(Condition.READY) || news) {
        sb.append("; ").append(c.type()).append('=').append(c.status().kubernetesValue());
        sb.append(" (").append(c.reason()).append(')');
      }
    }
    return sb.toString();
  }

  private static void header(GroupStatus s, StringBuilder out) {
    TextTable t = new TextTable("GROUP", s.namespace() + "/" + s.name());
    t.row("GENERATION", String.valueOf(s.observedGeneration()));
    t.row("OBSERVED", seconds(s.observedAt()));
    t.row(
        "REPLICAS",
        "desired "
            + s.desiredReplicas()
            + ", current "
            + s.currentReplicas()
            + ", ready "
            + s.readyReplicas());
    t.row("HPA", s.hpa().map(h -> hpa(h, s.observedAt())).orElse("none"));
    t.row(
        "FE",
        s.registeredCount()
            + " registered, "
            + s.aliveCount()
            + " alive, "
            + s.ghosts().size()
            + (s.ghosts().size() == 1 ? " ghost" : " ghosts"));
    t.appendTo(out);
  }

  private static String hpa(HpaStatus h, Instant now) {
    StringBuilder sb = new StringBuilder();
    h.apiVersion().ifPresent(v -> sb.append(v).append(", "));
    sb.append("min ").append(h.minReplicas()).append(", max ").append(h.maxReplicas());
    sb.append(", current ").append(h.currentReplicas());
    sb.append(", desired ").append(h.desiredReplicas());
    sb.append(", last scale ");
    sb.append(h.lastScaleTime().map(t -> Durations.age(t, now) + " ago").orElse("never"));
    return sb.toString();
  }

  private static void conditions(GroupStatus s, StringBuilder out) {
    out.append('\n');
    TextTable t = new TextTable("CONDITION", "STATUS", "REASON", "AGE", "MESSAGE");
    for (Condition c : s.conditions()) {
      t.row(
          c.type(),
          c.status().kubernetesValue(),
          c.reason(),
          age(c.lastTransitionTime(), s.observedAt()),
          c.message());
    }
    appendOrNone(t, "CONDITIONS", out);
  }

  private static void nodes(GroupStatus s, StringBuilder out) {
    out.append('\n');
    TextTable t =
        new TextTable(
            "POD",
            "PHASE",
            "READY",
            "RESTARTS",
            "ADDRESS",
            "REGISTERED",
            "ALIVE",
            "STATUS",
            "HEARTBEAT",
            "QUERIES",
            "ERROR");
    for (NodeStatus n : s.nodes()) {
      t.row(
          n.pod(),
          n.terminating() ? "Terminating" : n.phase(),
          String.valueOf(n.ready()),
          String.valueOf(n.restarts()),
          n.address().orElse(null),
          String.valueOf(n.registered()),
          n.alive().map(String::valueOf).orElse(null),
          n.statusCode().orElse(null),
          n.lastHeartbeat().map(h -> Durations.age(h, s.observedAt()) + " ago").orElse(null),
          n.runningQueries().isPresent() ? String.valueOf(n.runningQueries().getAsInt()) : null,
          n.errMsg().orElse(null));
    }
    appendOrNone(t, "NODES", out);
  }

  private static void hints(GroupStatus s, StringBuilder out) {
    TextTable t = new TextTable("POD", "HINT");
    s.nodes().forEach(n -> n.hint().ifPresent(h -> t.row(n.pod(), h)));
    if (!t.isEmpty()) {
      out.append('\n');
      t.appendTo(out);
    }
  }

  private static void ghosts(GroupStatus s, StringBuilder out) {
    out.append('\n');
    TextTable t = new TextTable("GHOST", "ORDINAL", "ALIVE", "DROP PENDING", "ERROR");
    for (GhostNode g : s.ghosts()) {
      t.row(
          g.address(),
          String.valueOf(g.ordinal()),
          String.valueOf(g.alive()),
          String.valueOf(g.dropPending()),
          g.errMsg().orElse(null));
    }
    appendOrNone(t, "GHOSTS", out);
  }

  private static void appendOrNone(TextTable t, String what, StringBuilder out) {
    if (t.isEmpty()) {
      out.append(what).append(": none\n");
    } else {
      t.appendTo(out);
    }
  }

  private static String age(Optional<Instant> time, Instant now) {
    return time.map(t -> Durations.age(t, now)).orElse(null);
  }

  private static String seconds(Instant t) {
    return t.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  /** Ready, Registered: true is good. Scaling, Degraded, AddressModeMismatch: true is news. */
  private static boolean isPositive(String type) {
    return type.equals(Condition.READY) || type.equals(Condition.REGISTERED);
  }
}
