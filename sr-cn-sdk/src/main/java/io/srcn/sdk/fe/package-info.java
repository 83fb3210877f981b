/**
 * The public FE client API: {@link io.srcn.sdk.fe.FrontendClient} adds, drops and lists compute
 * nodes over the MySQL protocol with batching, failover and idempotent results ({@link
 * io.srcn.sdk.fe.AddResult}, {@link io.srcn.sdk.fe.DropResult}); {@link io.srcn.sdk.fe.ComputeNode}
 * and {@link io.srcn.sdk.fe.FrontendInfo} are {@code SHOW} rows read by column label; {@link
 * io.srcn.sdk.fe.HostPort} validates addresses before any SQL is built. Failures are {@link
 * io.srcn.sdk.fe.FrontendException}s.
 */
package io.srcn.sdk.fe;
