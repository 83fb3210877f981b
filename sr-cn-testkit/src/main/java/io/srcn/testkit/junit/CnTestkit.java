package io.srcn.testkit.junit;

import io.srcn.testkit.fe.FeMode;
import io.srcn.testkit.fe.FeVersion;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or, used as a meta-annotation, every class carrying the composed annotation)
 * with the testkit: parameters of type {@link io.srcn.testkit.fe.FakeFrontend}, {@link
 * io.srcn.testkit.k8s.MockKubernetes}, {@code KubernetesClient} and {@link io.srcn.sdk.Frontend}
 * are resolved with a fresh fake FE and mock Kubernetes per test method (or per class), bridged so
 * that the FE's nodes are alive exactly while their pods are Ready.
 *
 * <pre>{@code
 * @CnTestkit
 * class ScaleTest {
 *   @Test
 *   void registersPods(FakeFrontend fe, MockKubernetes k8s, KubernetesClient client) { ... }
 * }
 * }</pre>
 *
 * <p>For settings that need code, register {@link CnTestkitExtension#builder()} with
 * {@code @RegisterExtension} instead (not both). Parallel-safe: everything lives in JUnit's
 * extension store and binds 127.0.0.1 port 0.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(CnTestkitExtension.class)
public @interface CnTestkit {
  /** Whether each test method gets its own servers (default) or the class shares one pair. */
  Lifecycle lifecycle() default Lifecycle.PER_METHOD;

  /** Whether the FE's heartbeats and DNS follow the mock pods (default true). */
  boolean bridged() default true;

  /**
   * How the fake FE stores compute node hosts (default FQDN mode). {@link FeMode#IP} is an FE
   * started without {@code --host_type FQDN}: it resolves added names through the mock cluster's
   * DNS, which follows each pod's current IP (a re-created pod gets a new one), and stores the IP.
   */
  FeMode feMode() default FeMode.FQDN;

  /** The autoscaling versions the mock API server serves (default v2 and v1). */
  String[] autoscalingVersions() default {"v2", "v1"};

  /** The StarRocks version the fake FE imitates (default {@link FeVersion#V3_3}). */
  FeVersion feVersion() default FeVersion.V3_3;

  /**
   * The fake FE's heartbeat interval in milliseconds (default 0: the FE's own default, 200 ms). A
   * short interval (50 ms) lets nodes turn alive and dead faster in tests that wait for it.
   */
  long heartbeatMillis() default 0;

  /**
   * Namespaces that exist in the mock API server from the start, besides {@code default}, {@code
   * kube-system}, {@code kube-public} and {@code kube-node-lease} (default none). Each must be a
   * DNS-1123 label.
   */
  String[] namespaces() default {};

  /**
   * Whether creating an object in a namespace that does not exist is a 404, as on a real API server
   * (default true); list the test's namespaces in {@link #namespaces()} or create them. False keeps
   * the lenient behaviour of earlier versions.
   */
  boolean requireNamespaces() default true;

  /** How long the fixtures live. */
  enum Lifecycle {
    /**
     * A fresh pair for every test method (and for {@code @BeforeAll} methods, one for the class).
     */
    PER_METHOD,
    /**
     * One pair for the whole class; the class must not run its methods concurrently and tests see
     * each other's objects.
     */
    PER_CLASS
  }
}
