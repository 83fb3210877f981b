package io.srcn.examples.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import io.srcn.sdk.CredentialsResolver;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The Kubernetes side of one CLI run: a client built explicitly from a kubeconfig file (fabric8's
 * JDK HTTP client; no system property or process-wide setting is read or written), the namespace to
 * work in, and the credentials resolver.
 *
 * <p>The kubeconfig is {@code --kubeconfig}, else the first file of {@code $KUBECONFIG}, else
 * {@code ~/.kube/config}. The namespace is {@code -n}, else the context's, else {@code default}.
 *
 * <p>Thread-safe; close it to release the client.
 */
final class Connection implements AutoCloseable {
  private final KubernetesClient kube;
  private final String namespace;
  private final CredentialsResolver resolver;
  private final Path kubeconfig;

  private Connection(
      KubernetesClient kube, String namespace, CredentialsResolver resolver, Path kubeconfig) {
    this.kube = kube;
    this.namespace = namespace;
    this.resolver = resolver;
    this.kubeconfig = kubeconfig;
  }

  /**
   * Connects with the global options.
   *
   * @throws UsageException when the kubeconfig cannot be found or read
   */
  static Connection open(Srcn globals) {
    Path file = kubeconfigPath(globals);
    Config config = config(file, globals.kubeContext);
    String ns =
        Optional.ofNullable(globals.namespace)
            .or(() -> Optional.ofNullable(config.getNamespace()))
            .orElse("default");
    KubernetesClient kube =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new JdkHttpClientFactory())
            .build();
    PasswordResolver resolver =
        new PasswordResolver(
            CredentialsResolver.kubernetes(kube),
            globals.passwordEnv,
            globals.cli().env().get(globals.passwordEnv));
    return new Connection(kube, ns, resolver, file);
  }

  private static Path kubeconfigPath(Srcn globals) {
    if (globals.kubeconfig != null) {
      return globals.kubeconfig;
    }
    String env = globals.cli().env().get("KUBECONFIG");
    if (env != null && !env.isBlank()) {
      return Path.of(env.split(File.pathSeparator)[0]);
    }
    return Path.of(System.getProperty("user.home"), ".kube", "config");
  }

  private static Config config(Path file, String context) {
    if (!Files.isReadable(file)) {
      throw new UsageException(
          "--kubeconfig: cannot read "
              + file
              + " (give --kubeconfig PATH, set KUBECONFIG, or create ~/.kube/config)");
    }
    try {
      return Config.fromKubeconfig(context, file.toFile());
    } catch (RuntimeException e) {
      throw new UsageException("--kubeconfig: " + file + " is not a usable kubeconfig: " + e);
    }
  }

  /** The client. */
  KubernetesClient kube() {
    return kube;
  }

  /** The namespace to work in. */
  String namespace() {
    return namespace;
  }

  /** Secret references through Kubernetes; passwords of literal users from the environment. */
  CredentialsResolver resolver() {
    return resolver;
  }

  /** Where the client points, e.g. {@code https://10.0.0.1:6443/ (from ~/.kube/config)}. */
  String describe() {
    return kube.getMasterUrl() + " (from " + kubeconfig + ")";
  }

  @Override
  public void close() {
    kube.close();
  }
}
