package io.srcn.testkit.junit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.Frontend;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FakeFrontendBuilder;
import io.srcn.testkit.k8s.MockKubernetes;
import io.srcn.testkit.k8s.MockKubernetesBuilder;
import java.lang.reflect.Parameter;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link CnTestkit}; also usable directly:
 *
 * <pre>{@code
 * @RegisterExtension
 * static CnTestkitExtension kit = CnTestkitExtension.builder()
 *     .kubernetes(k -> k.podReadyDelay(Duration.ofMillis(100)))
 *     .frontend(f -> f.version(FeVersion.V3_3))
 *     .build();
 * }</pre>
 *
 * <p>Resolves {@link FakeFrontend}, {@link MockKubernetes}, {@code KubernetesClient} (the mock's
 * shared client) and {@link Frontend} (pointing at the fake FE as root). Servers start lazily on
 * first use, so a test asking only for the FE starts no API server; once both exist they are
 * bridged. All state lives in {@link ExtensionContext.Store}s and is closed by JUnit when the test
 * (or class) ends; nothing is JVM-wide, so tests may run in parallel. On failure the mock's request
 * log is published as a report entry.
 *
 * <p>Thread-safe: the instance holds only immutable configuration.
 */
public final class CnTestkitExtension
    implements ParameterResolver, BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(CnTestkitExtension.class);
  private static final Set<Class<?>> TYPES =
      Set.of(FakeFrontend.class, MockKubernetes.class, KubernetesClient.class, Frontend.class);

  private final Config config;

  /** Used by {@link CnTestkit}: the configuration comes from the annotation. */
  public CnTestkitExtension() {
    this(null);
  }

  private CnTestkitExtension(Config config) {
    this.config = config;
  }

  /** A builder for {@code @RegisterExtension}. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Fails a shared (per-class) fixture whose methods run concurrently. The test method's execution
   * mode is the one that counts: classes may run concurrently with each other (each has its own
   * fixture) while their methods run one after another.
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    if (config(context).perClass() && context.getExecutionMode() == ExecutionMode.CONCURRENT) {
      throw new ExtensionConfigurationException(
          "@CnTestkit(lifecycle = PER_CLASS) shares one FE and API server across the class; "
              + "its methods cannot run with @Execution(CONCURRENT): use PER_METHOD or SAME_THREAD");
    }
  }

  @Override
  public boolean supportsParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    return TYPES.contains(parameterContext.getParameter().getType());
  }

  @Override
  public Object resolveParameter(
      ParameterContext parameterContext, ExtensionContext extensionContext) {
    Parameter p = parameterContext.getParameter();
    Fixture fixture = fixture(extensionContext);
    try {
      if (p.getType() == FakeFrontend.class) {
        return fixture.frontend();
      }
      if (p.getType() == Frontend.class) {
        return fixture.frontend().frontend();
      }
      if (p.getType() == MockKubernetes.class) {
        return fixture.kubernetes();
      }
      return fixture.kubernetes().client();
    } catch (RuntimeException e) {
      throw new ParameterResolutionException(
          "could not start the testkit for parameter " + p + ": " + e, e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isEmpty()) {
      return;
    }
    Fixture f = context.getStore(NAMESPACE).get(Fixture.class, Fixture.class);
    if (f == null && config(context).perClass()) {
      f =
          context
              .getParent()
              .map(c -> c.getStore(NAMESPACE).get(Fixture.class, Fixture.class))
              .orElse(null);
    }
    Optional.ofNullable(f)
        .flatMap(Fixture::requestSummary)
        .ifPresent(s -> context.publishReportEntry("mock-kubernetes requests", s));
  }

  private Fixture fixture(ExtensionContext context) {
    Config c = config(context);
    ExtensionContext owner = context;
    if (c.perClass() || context.getTestMethod().isEmpty()) {
      owner = classContext(context);
    }
    return owner
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent(Fixture.class, k -> new Fixture(c), Fixture.class);
  }

  private static ExtensionContext classContext(ExtensionContext context) {
    ExtensionContext c = context;
    while (c.getTestMethod().isPresent() && c.getParent().isPresent()) {
      c = c.getParent().get();
    }
    return c;
  }

  private Config config(ExtensionContext context) {
    if (config != null) {
      return config;
    }
    return context
        .getTestClass()
        .flatMap(type -> AnnotationSupport.findAnnotation(type, CnTestkit.class))
        .map(Config::of)
        .orElse(Config.DEFAULT);
  }

  /** Builds a {@link CnTestkitExtension}. Not thread-safe. */
  public static final class Builder {
    private boolean perClass;
    private boolean bridged = true;
    private Consumer<MockKubernetesBuilder> kubernetes = b -> {};
    private Consumer<FakeFrontendBuilder> frontend = b -> {};

    private Builder() {}

    /** One FE and API server for the whole class (the class must run its methods sequentially). */
    public Builder perClass() {
      perClass = true;
      return this;
    }

    /** A fresh FE and API server for every test method (the default). */
    public Builder perMethod() {
      perClass = false;
      return this;
    }

    /** Whether the FE follows the mock pods (default true). */
    public Builder bridged(boolean bridged) {
      this.bridged = bridged;
      return this;
    }

    /** Customizes every {@link MockKubernetes} (its port must stay 0 for parallel runs). */
    public Builder kubernetes(Consumer<MockKubernetesBuilder> customizer) {
      this.kubernetes = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** Customizes every {@link FakeFrontend}. */
    public Builder frontend(Consumer<FakeFrontendBuilder> customizer) {
      this.frontend = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** The extension. */
    public CnTestkitExtension build() {
      return new CnTestkitExtension(new Config(perClass, bridged, kubernetes, frontend));
    }
  }
}
