package io.srcn.sdk.internal.sync;

import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.fe.HostPort;
import java.util.List;

/**
 * What {@link GroupSync} reports as it goes; the engine turns these into Kubernetes Events and
 * {@code GroupEvent}s. (Events that follow from status changes — scaled, degraded, address-mode
 * mismatch — come from the status transitions instead.) Implementations must not throw and must not
 * block.
 */
interface SyncListener {
  /** Nodes were registered. */
  void registered(List<HostPort> addresses);

  /** Nodes were dropped. */
  void dropped(List<HostPort> addresses);

  /** An ADD ({@code drop} false) or DROP ({@code drop} true), or its ledger write, failed. */
  void registrationFailed(List<HostPort> addresses, boolean drop, CnSdkException error);

  /** The FE could not be listed. */
  void frontendUnavailable(CnSdkException error);

  /** A listener that ignores everything. */
  SyncListener NONE =
      new SyncListener() {
        @Override
        public void registered(List<HostPort> addresses) {}

        @Override
        public void dropped(List<HostPort> addresses) {}

        @Override
        public void registrationFailed(
            List<HostPort> addresses, boolean drop, CnSdkException error) {}

        @Override
        public void frontendUnavailable(CnSdkException error) {}
      };
}
