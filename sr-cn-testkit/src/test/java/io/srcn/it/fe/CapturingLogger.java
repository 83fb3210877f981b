package io.srcn.it.fe;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.AbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger with every level enabled that keeps each formatted line and stack trace. */
public final class CapturingLogger extends AbstractLogger {
  private static final long serialVersionUID = 1L;
  private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

  public CapturingLogger() {
    this.name = "capture";
  }

  public String text() {
    return String.join("\n", lines);
  }

  public int size() {
    return lines.size();
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(
      Level level, Marker marker, String pattern, Object[] args, Throwable t) {
    StringBuilder sb = new StringBuilder(level.name()).append(' ');
    sb.append(MessageFormatter.basicArrayFormat(pattern, args));
    if (t != null) {
      StringWriter w = new StringWriter();
      t.printStackTrace(new PrintWriter(w));
      sb.append('\n').append(w);
    }
    lines.add(sb.toString());
  }

  @Override
  public boolean isTraceEnabled() {
    return true;
  }

  @Override
  public boolean isTraceEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isDebugEnabled() {
    return true;
  }

  @Override
  public boolean isDebugEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isInfoEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled(Marker marker) {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled(Marker marker) {
    return true;
  }
}
