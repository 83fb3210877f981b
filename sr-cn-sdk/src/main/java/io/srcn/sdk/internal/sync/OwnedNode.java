package io.srcn.sdk.internal.sync;

/**
 * An FE node that belongs to the group: its host matches the group's FQDN pattern, or (IP mode) its
 * address is in the group's ledger.
 *
 * @param node the FE's row
 * @param ordinal the ordinal of the pod it was registered for
 */
record OwnedNode(FeNode node, int ordinal) {}
