package io.srcn.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.srcn.examples.cli.Cli.Run;
import io.srcn.sdk.GroupStatus;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.FrontendClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code srcn} command against the testkit's standalone sandbox, as a user runs them from a
 * shell: one sandbox for the class (its FE's root password set, so the password must come from the
 * environment), each test in its own namespace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SrcnSandboxTest {
  private static final String PASSWORD = "sandbox-secret-42";
  private static final Duration WAIT = Duration.ofSeconds(60);

  private Path dir;
  private Sandbox sandbox;
  private Map<String, String> env;

  @BeforeAll
  void startSandbox(@TempDir Path tmp) throws Exception {
    dir = tmp;
    // the sandbox refuses objects in a namespace that does not exist, as a real cluster does
    sandbox =
        Sandbox.start(
            dir, "--password", PASSWORD, "--namespaces", "cli-life,cli-auto,cli-ctl,cli-pw");
    env = Map.of("SRCN_FE_PASSWORD", PASSWORD);
  }

  @AfterAll
  void stopSandbox() throws InterruptedException {
    sandbox.close();
  }

  private Path spec(String file, String name, String extra) throws IOException {
    String yaml =
        "apiVersion: srcn.io/v1\n"
            + "kind: ComputeNodeGroup\n"
            + "metadata:\n"
            + "  name: "
            + name
            + "\n"
            + "spec:\n"
            + "  image: starrocks/cn-ubuntu:3.3.5\n"
            + "  terminationGracePeriodSeconds: 5\n"
            + "  frontend:\n"
            + "    addresses: [\""
            + sandbox.fe
            + "\"]\n"
            + "    credentials:\n"
            + "      user: root\n"
            + extra;
    return Files.writeString(dir.resolve(file), yaml);
  }

  private Run srcn(String... args) {
    return Cli.srcn(env, args);
  }

  private String kube() {
    return sandbox.kubeconfig.toString();
  }

  /** The FE's nodes of the group, straight from the sandbox FE. */
  private List<ComputeNode> feNodes(String group, String ns) {
    try (FrontendClient fe = FrontendClient.create(sandbox.frontend(PASSWORD))) {
      return fe.computeNodes().stream()
          .filter(n -> n.host().endsWith("." + group + "-cn-search." + ns + ".svc.cluster.local"))
          .toList();
    }
  }

  private static void assertNoSecret(Run... runs) {
    for (Run r : runs) {
      assertThat(r.all()).doesNotContain(PASSWORD);
    }
  }

  @Test
  void checkSaysWhatWorksAndWhatDoesNot() throws IOException {
    Path file =
        spec(
            "check.yaml",
            "chk",
            "  autoscaling: {minReplicas: 1, maxReplicas: 3, cpuUtilization: 60}\n");
    try (KubernetesClient k =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(Files.readString(sandbox.kubeconfig)))
            .build()) {
      k.namespaces()
          .resource(
              new NamespaceBuilder().withNewMetadata().withName("cli-check").endMetadata().build())
          .create();
    }

    Run ok = srcn("check", "-f", file.toString(), "--kubeconfig", kube(), "-n", "cli-check");
    assertThat(ok.status()).as(ok.all()).isZero();
    assertThat(ok.out())
        .contains("PASS kubernetes-api", "PASS namespace: cli-check exists", "PASS fe-credentials")
        .contains("PASS rbac: all 46 permissions", "PASS hpa-api: autoscaling/v2 is served")
        .contains("PASS metrics-api: metrics.k8s.io is served")
        .contains("login works", "FQDN mode", "AUTO will register pod names")
        .contains("node-privilege: user root may run ALTER SYSTEM")
        .contains("WARN image-version: 3.3.5: stop_cn.sh -g does not drain");
    assertThat(ok.out().lines().filter(l -> l.startsWith("FAIL"))).isEmpty();

    Run missing = srcn("check", "-f", file.toString(), "--kubeconfig", kube(), "-n", "nowhere");
    assertThat(missing.status()).as(missing.all()).isEqualTo(1);
    assertThat(missing.out())
        .contains("FAIL namespace: nowhere does not exist (fix: kubectl create namespace nowhere)");
    assertNoSecret(ok, missing);
  }

  @Test
  void planApplyStatusScaleAndDeleteAGroup() throws IOException {
    Path file = spec("web.yaml", "web", "  replicas: 2\n");
    String ns = "cli-life";

    Run plan = srcn("plan", "-f", file.toString(), "--kubeconfig", kube(), "-n", ns);
    assertThat(plan.status()).as(plan.all()).isZero();
    assertThat(plan.out())
        .contains("plan for cli-life/web:", "CREATE StatefulSet cli-life/web-cn", "to write");

    Run apply =
        srcn(
            "apply",
            "-f",
            file.toString(),
            "--wait",
            "--timeout",
            "60s",
            "--kubeconfig",
            kube(),
            "-n",
            ns);
    assertThat(apply.status()).as(apply.all()).isZero();
    assertThat(apply.out())
        .contains("applying cli-life/web", "CREATE StatefulSet cli-life/web-cn")
        .contains("ready: pods 2 desired, 2 current, 2 ready | FE 2 registered, 2 alive")
        .contains("GROUP", "web-cn-1");
    assertThat(feNodes("web", ns)).hasSize(2).allMatch(ComputeNode::alive);

    Run again = srcn("plan", "-f", file.toString(), "--kubeconfig", kube(), "-n", ns);
    assertThat(again.out()).as(again.all()).contains("no changes");

    Run json = srcn("status", "web", "-o", "json", "--kubeconfig", kube(), "-n", ns);
    assertThat(json.status()).as(json.all()).isZero();
    GroupStatus parsed = GroupStatus.fromJson(json.out().trim());
    assertThat(parsed.registeredCount()).isEqualTo(2);
    assertThat(parsed.isReady()).isTrue();

    Run table = srcn("--kubeconfig", kube(), "-n", ns, "status", "web");
    assertThat(table.status()).as(table.all()).isZero();
    assertThat(table.out()).contains("GROUP", "cli-life/web", "REGISTERED", "web-cn-0", "web-cn-1");

    Run up = srcn("scale", "web", "3", "--wait", "--kubeconfig", kube(), "-n", ns);
    assertThat(up.status()).as(up.all()).isZero();
    assertThat(up.out()).contains("scaled cli-life/web to 3", "FE 3 registered, 3 alive");
    assertThat(feNodes("web", ns)).hasSize(3);

    Run down = srcn("scale", "web", "1", "--wait", "--kubeconfig", kube(), "-n", ns);
    assertThat(down.status()).as(down.all()).isZero();
    assertThat(feNodes("web", ns))
        .extracting(ComputeNode::host)
        .singleElement()
        .asString()
        .startsWith("web-cn-0.");

    Run delete = srcn("delete", "web", "--kubeconfig", kube(), "-n", ns);
    assertThat(delete.status()).as(delete.all()).isZero();
    assertThat(delete.out())
        .contains("deleting cli-life/web", "StatefulSet web-cn", "event NodeDropped")
        .contains("deleted cli-life/web");
    assertThat(feNodes("web", ns)).isEmpty();

    Run gone = srcn("status", "web", "--kubeconfig", kube(), "-n", ns);
    assertThat(gone.status()).as(gone.all()).isEqualTo(1);
    assertThat(gone.err()).contains("no CN group cli-life/web");
    Run again2 = srcn("delete", "web", "--kubeconfig", kube(), "-n", ns);
    assertThat(again2.status()).as(again2.all()).isEqualTo(1);
    Run ignored = srcn("delete", "web", "--ignore-not-found", "--kubeconfig", kube(), "-n", ns);
    assertThat(ignored.status()).as(ignored.all()).isZero();
    assertThat(ignored.out()).contains("not found; nothing to delete");

    assertNoSecret(plan, apply, again, json, table, up, down, delete, gone);
  }

  @Test
  void anAutoscalingGroupIsNotScaledByHand() throws IOException {
    Path file =
        spec(
            "auto.yaml",
            "auto",
            "  autoscaling: {minReplicas: 1, maxReplicas: 5, cpuUtilization: 60}\n");
    String ns = "cli-auto";
    assertThat(srcn("apply", "-f", file.toString(), "--kubeconfig", kube(), "-n", ns).status())
        .isZero();

    Run scale = srcn("scale", "auto", "3", "--kubeconfig", kube(), "-n", ns);

    assertThat(scale.status()).as(scale.all()).isEqualTo(2);
    assertThat(scale.err()).contains("replicas:", "autoscales between 1 and 5");
    assertThat(srcn("delete", "auto", "--kubeconfig", kube(), "-n", ns).status()).isZero();
  }

  @Test
  void theControllerRegistersThePodsTheAutoscalerAdds() throws Exception {
    Path file =
        spec(
            "ctl.yaml",
            "ctl",
            "  autoscaling: {minReplicas: 1, maxReplicas: 5, cpuUtilization: 60}\n");
    String ns = "cli-ctl";
    assertThat(
            srcn("apply", "-f", file.toString(), "--wait", "--kubeconfig", kube(), "-n", ns)
                .status())
        .isZero();
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Run> controller =
        CompletableFuture.supplyAsync(
            () ->
                Cli.srcn(
                    env,
                    stop,
                    "controller",
                    "--resync",
                    "1s",
                    "--leader-election",
                    "--identity",
                    "cli-test",
                    "--kubeconfig",
                    kube(),
                    "-n",
                    ns));
    try (KubernetesClient client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(null, sandbox.kubeconfig.toFile()))
            .build()) {
      // what the HPA does when load rises: scale the StatefulSet through /scale
      client.apps().statefulSets().inNamespace(ns).withName("ctl-cn").scale(3);
      await()
          .atMost(WAIT)
          .untilAsserted(
              () -> assertThat(feNodes("ctl", ns)).hasSize(3).allMatch(ComputeNode::alive));
    } finally {
      stop.countDown();
    }
    Run run = controller.get(60, TimeUnit.SECONDS);
    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("controller started", "namespace cli-ctl", "leader election as cli-test")
        .contains("event NodeRegistered")
        .contains("controller stopped");
    assertThat(srcn("delete", "ctl", "--kubeconfig", kube(), "-n", ns).status()).isZero();
    assertNoSecret(run);
  }

  @Test
  void thePasswordComesFromTheNamedVariableAndNeverShows() throws IOException {
    Path file = spec("pw.yaml", "pw", "");
    String ns = "cli-pw";

    Run unset =
        Cli.srcn(Map.of(), "apply", "-f", file.toString(), "--kubeconfig", kube(), "-n", ns);
    assertThat(unset.status()).as(unset.all()).isZero();
    assertThat(unset.out()).contains("FE 0 registered");
    Run degraded = Cli.srcn(Map.of(), "status", "pw", "--kubeconfig", kube(), "-n", ns);
    assertThat(degraded.out()).containsPattern("Degraded\\s+True");

    Run named =
        Cli.srcn(
            Map.of("MY_FE_PW", PASSWORD),
            "apply",
            "-f",
            file.toString(),
            "--wait",
            "--fe-password-env",
            "MY_FE_PW",
            "--kubeconfig",
            kube(),
            "-n",
            ns);
    assertThat(named.status()).as(named.all()).isZero();
    assertThat(feNodes("pw", ns)).hasSize(1);
    assertThat(srcn("delete", "pw", "--kubeconfig", kube(), "-n", ns).status()).isZero();
    assertNoSecret(unset, degraded, named);
  }

  @Test
  void renderNeedsNoCluster() throws IOException {
    Path file = spec("render.yaml", "render", "  replicas: 3\n");

    Run r = Cli.srcn(Map.of(), "render", "-f", file.toString(), "-n", "cli-render");

    assertThat(r.status()).as(r.all()).isZero();
    assertThat(r.out())
        .contains("kind: ConfigMap\n", "kind: Service\n", "kind: StatefulSet\n")
        .contains("name: render-cn\n", "namespace: cli-render\n", "replicas: 3");
  }
}
