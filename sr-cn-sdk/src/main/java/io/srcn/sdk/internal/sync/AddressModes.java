package io.srcn.sdk.internal.sync;

import io.srcn.sdk.AddressMode;

/**
 * Explains the address mode a pass registered with: the spec's choice, or what {@link
 * AddressMode#AUTO} read from the FE, and a clear word when an explicit choice does not suit the
 * FE's host mode.
 *
 * <p>Stateless and thread-safe.
 */
final class AddressModes {
  private AddressModes() {}

  /**
   * The mode in use and why.
   *
   * @param inUse {@link AddressMode#FQDN} or {@link AddressMode#POD_IP}
   * @param reason one line for status
   */
  record Choice(AddressMode inUse, String reason) {}

  static Choice explain(AddressMode spec, GroupIdentity id, FeHostMode fe) {
    AddressMode inUse = id.ipMode() ? AddressMode.POD_IP : AddressMode.FQDN;
    String reason =
        switch (spec) {
          case AUTO -> "AUTO chose " + inUse + ": " + fe.reason();
          case FQDN ->
              fe.ipMode()
                  ? "FQDN (spec), but "
                      + fe.reason()
                      + ": it stores pod IPs, which the SDK records as owned; set addressMode AUTO"
                      + " or POD_IP, or start the FE with --host_type FQDN"
                  : "FQDN (spec); " + fe.reason();
          case POD_IP ->
              fe.ipMode()
                  ? "POD_IP (spec); " + fe.reason()
                  : "POD_IP (spec), but "
                      + fe.reason()
                      + ": registering by name (addressMode AUTO or FQDN) would survive pod"
                      + " restarts without a ledger";
        };
    return new Choice(inUse, reason);
  }
}
