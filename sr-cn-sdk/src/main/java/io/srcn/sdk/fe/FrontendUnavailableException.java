package io.srcn.sdk.fe;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * No FE address could be reached before the deadline. Lists each address with its last error.
 *
 * <p>Instances are immutable and thread-safe.
 */
public class FrontendUnavailableException extends FrontendException {
  private static final long serialVersionUID = 1L;

  private final Map<HostPort, String> lastErrors;

  /** Creates an exception listing each address's last error, in the order they were tried. */
  public FrontendUnavailableException(
      String purpose, Map<HostPort, String> lastErrors, Throwable cause) {
    super(purpose, 0, null, null, "no FE reachable: " + describe(lastErrors), cause);
    this.lastErrors = Collections.unmodifiableMap(new LinkedHashMap<>(lastErrors));
  }

  /** Each address tried, with the last error seen there. */
  public Map<HostPort, String> lastErrors() {
    return lastErrors;
  }

  private static String describe(Map<HostPort, String> errors) {
    return errors.entrySet().stream()
        .map(e -> e.getKey() + " -> " + e.getValue())
        .collect(Collectors.joining("; "));
  }
}
