package io.srcn.testkit.k8s.internal;

/**
 * Options of the mock API server.
 *
 * @param requireNamespaces whether creating an object in a namespace that does not exist is a 404,
 *     as on a real server (off by default: most fabric8 tests never create their namespace)
 */
public record ServerOptions(boolean requireNamespaces) {}
