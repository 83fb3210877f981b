package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.HostPort;
import java.sql.SQLException;

/** Opens a logged-in {@link FeSession} to one FE address. Implementations are thread-safe. */
@FunctionalInterface
public interface SessionOpener {
  /** Connects and logs in. */
  FeSession open(HostPort address) throws SQLException;
}
