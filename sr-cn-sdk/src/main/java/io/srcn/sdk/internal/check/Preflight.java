package io.srcn.sdk.internal.check;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.srcn.sdk.CnSdkException;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.CredentialsResolver;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.PreflightCheck;
import io.srcn.sdk.PreflightCheck.Result;
import io.srcn.sdk.PreflightReport;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendInfo;
import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The preflight behind {@code ComputeNodeGroups.check}: read-only checks of the Kubernetes API, the
 * namespace, the FE credentials, each FE address (reachable, login, version, host mode and what
 * AUTO will use), the warehouse against the FE version, the metrics API for CPU/memory autoscaling,
 * and the image's CN version against the graceful preStop. Nothing is created or changed.
 *
 * <p>Stateless and thread-safe.
 */
public final class Preflight {
  private static final Pattern TAG_VERSION = Pattern.compile(":(\\d+)\\.(\\d+)\\.(\\d+)");

  private Preflight() {}

  /** Runs every check; never throws for what it finds. */
  public static PreflightReport run(
      KubernetesClient kube, ComputeNodeGroupSpec spec, CredentialsResolver resolver) {
    List<PreflightCheck> out = new ArrayList<>();
    boolean api = kubernetes(kube, out);
    if (api) {
      namespace(kube, spec.namespace(), out);
      if (spec.autoscaling().isPresent()) {
        metrics(kube, out);
      }
    }
    spec.frontend().ifPresent(fe -> frontend(fe, spec, resolver, out));
    spec.image().ifPresent(i -> image(i, out));
    return new PreflightReport(out);
  }

  private static boolean kubernetes(KubernetesClient kube, List<PreflightCheck> out) {
    try {
      var v = kube.getKubernetesVersion();
      out.add(pass("kubernetes-api", "reachable, server " + v.getGitVersion()));
      return true;
    } catch (RuntimeException e) {
      out.add(fail("kubernetes-api", "not reachable: " + e.getMessage(), "check the kubeconfig"));
      return false;
    }
  }

  private static void namespace(KubernetesClient kube, String ns, List<PreflightCheck> out) {
    try {
      boolean exists = kube.namespaces().withName(ns).get() != null;
      out.add(
          exists
              ? pass("namespace", ns + " exists")
              : fail("namespace", ns + " does not exist", "kubectl create namespace " + ns));
    } catch (RuntimeException e) {
      out.add(
          warn(
              "namespace",
              "cannot read namespace " + ns + ": " + e.getMessage(),
              "grant get on namespaces, or ignore"));
    }
  }

  private static void metrics(KubernetesClient kube, List<PreflightCheck> out) {
    try {
      boolean served = kube.getApiGroup("metrics.k8s.io") != null;
      out.add(
          served
              ? pass("metrics-api", "metrics.k8s.io is served")
              : warn(
                  "metrics-api",
                  "metrics.k8s.io is not served: an HPA on CPU or memory never scales without it",
                  "install metrics-server"));
    } catch (RuntimeException e) {
      out.add(warn("metrics-api", "cannot read the API groups: " + e.getMessage(), "check RBAC"));
    }
  }

  private static void frontend(
      Frontend fe,
      ComputeNodeGroupSpec spec,
      CredentialsResolver resolver,
      List<PreflightCheck> out) {
    Credentials literal;
    try {
      literal = resolver.resolve(fe.credentials(), spec.namespace());
      out.add(
          pass(
              "fe-credentials",
              "resolved (user "
                  + literal.literalUser().orElse("?")
                  + "; the password is not shown)"));
    } catch (CnSdkException e) {
      out.add(fail("fe-credentials", e.getMessage(), "create the Secret with both keys"));
      return;
    }
    for (HostPort address : fe.addresses()) {
      Frontend one =
          Frontend.at(List.of(address)).credentials(literal).connectTimeout(fe.connectTimeout());
      String name = "fe " + address;
      // one attempt window per address: a preflight reports, it does not ride out outages
      try (FrontendClient client =
          FrontendClient.builder(one).retryDeadline(fe.connectTimeout().multipliedBy(2)).build()) {
        client.computeNodes();
        String version = client.serverVersion();
        out.add(pass(name, "reachable, login works, StarRocks " + version));
        hostMode(name, client, spec, out);
        warehouse(name, version, spec, out);
      } catch (CnSdkException e) {
        out.add(fail(name, e.getMessage(), "check the address, the FE and the user"));
      }
    }
  }

  private static void hostMode(
      String name, FrontendClient client, ComputeNodeGroupSpec spec, List<PreflightCheck> out) {
    try {
      Optional<FrontendInfo> leader =
          client.frontends().stream().filter(FrontendInfo::isLeader).findFirst();
      boolean fqdn = leader.map(l -> !HostPort.of(l.host(), 1).isIpAddress()).orElse(false);
      String mode = fqdn ? "FQDN mode" : "IP mode";
      String auto = fqdn ? "AUTO will register pod names" : "AUTO will register pod IPs";
      out.add(
          pass(
              name + " host-mode",
              mode
                  + " (leader "
                  + leader.map(FrontendInfo::host).orElse("?")
                  + "); "
                  + auto
                  + ", spec "
                  + spec.addressMode()));
    } catch (CnSdkException e) {
      out.add(
          warn(
              name + " host-mode",
              "SHOW FRONTENDS failed: " + e.getMessage(),
              "AUTO then registers pod IPs, which works in either mode"));
    }
  }

  private static void warehouse(
      String name, String version, ComputeNodeGroupSpec spec, List<PreflightCheck> out) {
    Optional<String> wh = spec.warehouse().filter(w -> !w.equalsIgnoreCase("default_warehouse"));
    if (wh.isEmpty()) {
      return;
    }
    Matcher m = Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
    boolean old =
        m.find()
            && (Integer.parseInt(m.group(1)) < 3
                || (Integer.parseInt(m.group(1)) == 3 && Integer.parseInt(m.group(2)) < 4));
    out.add(
        old
            ? fail(
                name + " warehouse",
                "StarRocks "
                    + version
                    + " has no INTO WAREHOUSE clause; "
                    + wh.get()
                    + " cannot be used",
                "remove the warehouse or use an FE 3.4+")
            : pass(
                name + " warehouse",
                "StarRocks "
                    + version
                    + " accepts INTO WAREHOUSE "
                    + wh.get()
                    + " (the FE must have it)"));
  }

  private static void image(String image, List<PreflightCheck> out) {
    Matcher m = TAG_VERSION.matcher(image);
    if (!m.find()) {
      out.add(
          warn(
              "image-version",
              "the tag of " + image + " names no version",
              "use a versioned CN image"));
      return;
    }
    int major = Integer.parseInt(m.group(1));
    int minor = Integer.parseInt(m.group(2));
    int patch = Integer.parseInt(m.group(3));
    boolean drains =
        major > 3
            || (major == 3
                && (minor > 5
                    || (minor == 5 && patch >= 2)
                    || (minor == 4 && patch >= 6)
                    || (minor == 3 && patch >= 17)));
    out.add(
        drains
            ? pass(
                "image-version", major + "." + minor + "." + patch + ": stop_cn.sh -g drains work")
            : warn(
                "image-version",
                major
                    + "."
                    + minor
                    + "."
                    + patch
                    + ": stop_cn.sh -g does not drain before 3.3.17, 3.4.6, 3.5.2",
                "use a CN image of 3.3.17, 3.4.6, 3.5.2 or later"));
  }

  private static PreflightCheck pass(String name, String reason) {
    return new PreflightCheck(name, Result.PASS, reason, Optional.empty());
  }

  private static PreflightCheck warn(String name, String reason, String fix) {
    return new PreflightCheck(name, Result.WARN, reason, Optional.of(fix));
  }

  private static PreflightCheck fail(String name, String reason, String fix) {
    return new PreflightCheck(name, Result.FAIL, reason, Optional.of(fix));
  }
}
