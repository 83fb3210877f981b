/**
 * The public FE client API: {@code FrontendClient} adds, drops and lists compute nodes over the
 * MySQL protocol; {@link io.srcn.sdk.fe.HostPort} validates addresses before any SQL is built.
 */
package io.srcn.sdk.fe;
