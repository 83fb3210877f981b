package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.HostPort;
import java.util.List;

/**
 * What {@link GroupSync} reports as it goes; the engine turns these into Kubernetes Events and
 * {@code GroupEvent}s. Implementations must not throw and must not block.
 */
interface SyncListener {
  /** Nodes were registered. */
  void registered(List<HostPort> addresses);

  /** Nodes were dropped. */
  void dropped(List<HostPort> addresses);

  /** An ADD, DROP or ledger write failed. */
  void registrationFailed(List<HostPort> addresses, CnSdkException error);

  /** The FE could not be listed. */
  void frontendUnavailable(CnSdkException error);

  /** Serving pods are listed by IP although the group registers names. */
  void addressModeMismatch(List<String> pods);

  /** A listener that ignores everything. */
  SyncListener NONE =
      new SyncListener() {
        @Override
        public void registered(List<HostPort> addresses) {}

        @Override
        public void dropped(List<HostPort> addresses) {}

        @Override
        public void registrationFailed(List<HostPort> addresses, CnSdkException error) {}

        @Override
        public void frontendUnavailable(CnSdkException error) {}

        @Override
        public void addressModeMismatch(List<String> pods) {}
      };
}
