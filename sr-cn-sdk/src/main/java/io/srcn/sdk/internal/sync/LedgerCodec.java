package io.srcn.sdk.internal.sync;

import io.srcn.sdk.fe.HostPort;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Encodes the IP-mode ledger (the addresses a group registered, each with its {@link LedgerEntry})
 * as ConfigMap data. ConfigMap keys allow only {@code [-._a-zA-Z0-9]}, so the address's colons
 * become underscores: {@code 10.0.0.7_9050}, {@code fd00__7_9050}. IPv6 addresses contain no
 * underscore, so the last underscore is always the port separator and the encoding is reversible.
 *
 * <p>Stateless and thread-safe.
 */
final class LedgerCodec {
  private static final Pattern KEY = Pattern.compile("[-._a-zA-Z0-9]+");

  private LedgerCodec() {}

  /** The ConfigMap key of an address. */
  static String key(HostPort address) {
    return address.host().replace(':', '_') + "_" + address.port();
  }

  /** The address of a ConfigMap key, or null when the key is not one of ours. */
  static HostPort address(String key) {
    int last = key.lastIndexOf('_');
    if (last <= 0 || !KEY.matcher(key).matches()) {
      return null;
    }
    try {
      String host = key.substring(0, last).replace('_', ':');
      return HostPort.of(host, Integer.parseInt(key.substring(last + 1)));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Decodes ConfigMap data (unknown keys are ignored). */
  static Map<HostPort, LedgerEntry> decode(Map<String, String> data) {
    Map<HostPort, LedgerEntry> ledger = new LinkedHashMap<>();
    if (data != null) {
      data.forEach(
          (k, v) -> {
            HostPort address = address(k);
            if (address != null && v != null) {
              ledger.put(address, LedgerEntry.decode(v));
            }
          });
    }
    return ledger;
  }

  /** Encodes a ledger as sorted ConfigMap data. */
  static Map<String, String> encode(Map<HostPort, LedgerEntry> ledger) {
    Map<String, String> data = new TreeMap<>();
    ledger.forEach((address, entry) -> data.put(key(address), entry.encode()));
    return data;
  }
}
