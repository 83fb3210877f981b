package io.srcn.sdk.internal.events;

import io.srcn.sdk.GroupEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The log lines about events dropped because the queue was full: one warning at the first drop of
 * an episode, then at most one summary line per {@code interval} while drops go on, and a last one
 * when the queue drains ("dropped N events in S s"). At 10,000 groups a line per dropped event was
 * about 4,000 lines (issue 19).
 *
 * <p>Thread-safe.
 */
final class DropReport {
  /** Default time between two summary lines of one episode. */
  static final Duration DEFAULT_INTERVAL = Duration.ofMinutes(1);

  private final Duration interval;
  private final LongSupplier nanos;
  private final Consumer<String> warn;
  private long total; // guarded by this
  private long unreported; // dropped since the last line, guarded by this
  private long episodeStart; // guarded by this
  private long lastLine; // guarded by this
  private boolean inEpisode; // guarded by this

  DropReport(Duration interval, LongSupplier nanos, Consumer<String> warn) {
    this.interval = interval;
    this.nanos = nanos;
    this.warn = warn;
  }

  /** One event was not posted because {@code capacity} others were waiting. */
  void dropped(GroupEvent event, int capacity) {
    String line;
    synchronized (this) {
      total++;
      long now = nanos.getAsLong();
      if (!inEpisode) {
        inEpisode = true;
        episodeStart = now;
        lastLine = now;
        line =
            "event queue full ("
                + capacity
                + " groups' events waiting for the API server): not posting "
                + event.reason()
                + " for "
                + event.namespace()
                + "/"
                + event.group()
                + "; further drops are summed up every "
                + interval.toSeconds()
                + " s and when the queue drains (listeners still see every event)";
      } else {
        unreported++;
        if (now - lastLine < interval.toNanos()) {
          return;
        }
        line = summary("event queue still full: dropped ", now);
      }
    }
    warn.accept(line);
  }

  /** The queue is empty again: ends the episode, with a last summary if drops went unreported. */
  void drained() {
    String line;
    synchronized (this) {
      if (!inEpisode) {
        return;
      }
      inEpisode = false;
      if (unreported == 0) {
        return;
      }
      line = summary("event queue drained: dropped ", nanos.getAsLong());
    }
    warn.accept(line);
  }

  /** Events dropped since creation. */
  synchronized long total() {
    return total;
  }

  private String summary(String prefix, long now) {
    String line =
        prefix
            + unreported
            + (unreported == 1 ? " more event" : " more events")
            + " in the last "
            + TimeUnit.NANOSECONDS.toSeconds(now - lastLine)
            + " s ("
            + total
            + " dropped in all, the first of this episode "
            + TimeUnit.NANOSECONDS.toSeconds(now - episodeStart)
            + " s ago)";
    unreported = 0;
    lastLine = now;
    return line;
  }
}
