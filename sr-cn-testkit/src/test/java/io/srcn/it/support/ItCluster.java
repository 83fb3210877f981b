package io.srcn.it.support;

import io.srcn.testkit.junit.CnTestkit;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The integration tests' usual {@link CnTestkit}: a fresh fake FE (heartbeats every 50 ms, so nodes
 * turn alive within a few polls of their pod being Ready) and mock API server per test method,
 * bridged, with the namespace {@link Cluster#NS} created. Classes wrap the resolved servers in a
 * {@link Cluster} for its helpers:
 *
 * <pre>{@code
 * @ItCluster
 * class SomeTest {
 *   private Cluster c;
 *
 *   @BeforeEach
 *   void cluster(FakeFrontend fe, MockKubernetes k8s) {
 *     c = new Cluster(fe, k8s);
 *   }
 * }
 * }</pre>
 *
 * Classes that need another FE mode or version use {@code @CnTestkit} with the same heartbeat and
 * namespace.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@CnTestkit(heartbeatMillis = Cluster.HEARTBEAT_MILLIS, namespaces = Cluster.NS)
public @interface ItCluster {}
