/**
 * JUnit 5 support: annotate a test class with {@link io.srcn.testkit.junit.CnTestkit} (or register
 * {@link io.srcn.testkit.junit.CnTestkitExtension}) to receive a fake FE and a mock Kubernetes API
 * server as test method parameters.
 */
package io.srcn.testkit.junit;
