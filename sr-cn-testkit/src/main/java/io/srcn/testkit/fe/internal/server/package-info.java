/**
 * The fake FE's server: listener and connection threads, the connection and command phases,
 * statement execution, injected faults and the statement log. Internal: not API.
 */
package io.srcn.testkit.fe.internal.server;
