/**
 * {@link io.srcn.testkit.fe.FakeFrontend}: an in-process StarRocks FE on the MySQL wire protocol
 * for tests, with version profiles ({@link io.srcn.testkit.fe.FeVersion}), FQDN/IP modes ({@link
 * io.srcn.testkit.fe.FeMode}), simulated heartbeats, fault injection and a statement log.
 */
package io.srcn.testkit.fe;
