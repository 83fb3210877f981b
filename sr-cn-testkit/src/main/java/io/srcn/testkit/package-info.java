/**
 * The testkit's shared contracts: {@link io.srcn.testkit.TestServer}, the lifecycle of the fake FE
 * ({@code io.srcn.testkit.fe}) and the mock API server ({@code io.srcn.testkit.k8s}).
 */
package io.srcn.testkit;
