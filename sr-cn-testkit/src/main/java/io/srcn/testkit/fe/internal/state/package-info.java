/**
 * The fake FE's metadata and behaviour per version profile: compute nodes, warehouses, users,
 * address parsing, error texts, heartbeats and the SHOW result sets. Internal: not API.
 */
package io.srcn.testkit.fe.internal.state;
