package io.srcn.sdk.internal.fe;

import io.srcn.sdk.fe.ComputeNode;
import java.util.List;
import java.util.Optional;

/**
 * The FE statements the registration logic needs, already bound to a retry deadline. The seam
 * between {@link Registrar} and the failover executor; tests use an in-memory FE.
 *
 * <p>Not thread-safe; one instance per client call.
 */
public interface FeOps {
  /**
   * Runs an {@code ALTER SYSTEM} statement.
   *
   * @param outcome the error kind that is an outcome here, not an error
   * @return empty on success; the FE's message when it failed with {@code outcome}
   * @throws io.srcn.sdk.fe.FrontendException for every other failure
   */
  Optional<String> alter(String purpose, String sql, FeErrors.Kind outcome);

  /** {@code SHOW COMPUTE NODES}. */
  List<ComputeNode> computeNodes(String purpose);
}
