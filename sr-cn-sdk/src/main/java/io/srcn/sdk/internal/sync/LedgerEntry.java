package io.srcn.sdk.internal.sync;

import java.time.Instant;

/**
 * One IP-mode ledger entry: the pod an address was registered for, and when the entry was last
 * recorded (just before an ADD). Stored as {@code <pod>@<epoch millis>}; a value without {@code @}
 * (or with an unreadable time) reads as recorded at the epoch.
 *
 * @param pod the pod's name
 * @param recordedAt when the entry was last written
 */
record LedgerEntry(String pod, Instant recordedAt) {
  /** The ConfigMap value. */
  String encode() {
    return pod + "@" + recordedAt.toEpochMilli();
  }

  /** Reads a ConfigMap value. */
  static LedgerEntry decode(String value) {
    int at = value.lastIndexOf('@');
    if (at > 0) {
      try {
        return new LedgerEntry(
            value.substring(0, at), Instant.ofEpochMilli(Long.parseLong(value.substring(at + 1))));
      } catch (NumberFormatException e) {
        return new LedgerEntry(value, Instant.EPOCH);
      }
    }
    return new LedgerEntry(value, Instant.EPOCH);
  }
}
