package io.srcn.sdk.internal.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A test validator applying the rules the Kubernetes API server enforces for the kinds the SDK
 * renders (from {@code k8s.io/apimachinery} validation and {@code pkg/apis/.../validation}): names,
 * label and annotation syntax, quantities, port names (IANA_SVC_NAME, at most 15 characters), probe
 * fields, env names, volume references, selectors matching the template, HPA bounds and behavior,
 * PDB shape. Returns every problem with its path.
 */
final class KubernetesValidation {
  static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
  static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  static final Pattern QUALIFIED_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
  static final Pattern IANA_SVC_NAME = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");
  static final Pattern ENV_NAME = Pattern.compile("[-._a-zA-Z][-._a-zA-Z0-9]*");
  static final Pattern QUANTITY = Pattern.compile("^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$");
  static final Set<String> HPA_POLICY_TYPES = Set.of("Pods", "Percent");
  static final Set<String> SELECT_POLICIES = Set.of("Max", "Min", "Disabled");

  private final List<String> problems = new ArrayList<>();

  private KubernetesValidation() {}

  /** Every rule violated by {@code object}, with paths; empty when it would be accepted. */
  static List<String> validate(HasMetadata object) {
    KubernetesValidation v = new KubernetesValidation();
    v.metadata("metadata", object.getMetadata(), !(object instanceof Service));
    if (object instanceof StatefulSet s) {
      new WorkloadValidation(v).statefulSet(s);
    } else if (object instanceof Service s) {
      v.service(s);
    } else if (object instanceof ConfigMap c) {
      c.getData().keySet().forEach(k -> v.check(k.matches("[-._a-zA-Z0-9]+"), "data." + k, "key"));
    } else if (object instanceof PodDisruptionBudget p) {
      v.pdb(p);
    } else if (object
        instanceof io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler h) {
      new HpaValidation(v).hpa(h);
    }
    return List.copyOf(v.problems);
  }

  void check(boolean ok, String path, String rule) {
    if (!ok) {
      problems.add(path + ": " + rule);
    }
  }

  void metadata(String path, ObjectMeta meta, boolean subdomainName) {
    String name = meta.getName();
    if (subdomainName) {
      check(isSubdomain(name), path + ".name", "DNS-1123 subdomain");
    } else {
      check(isDns1035(name), path + ".name", "DNS-1035 label");
    }
    check(isDns1123Label(meta.getNamespace()), path + ".namespace", "DNS-1123 label");
    labels(path + ".labels", meta.getLabels());
    annotations(path + ".annotations", meta.getAnnotations());
  }

  void labels(String path, Map<String, String> labels) {
    if (labels == null) {
      return;
    }
    labels.forEach(
        (k, v) -> {
          check(isQualifiedName(k), path + "." + k, "qualified name");
          check(
              v.length() <= 63 && LABEL_VALUE.matcher(v).matches(), path + "." + k, "label value");
        });
  }

  void annotations(String path, Map<String, String> annotations) {
    if (annotations == null) {
      return;
    }
    long size = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      check(isQualifiedName(e.getKey()), path + "." + e.getKey(), "qualified name");
      size += e.getKey().length() + e.getValue().length();
    }
    check(size <= 256 * 1024, path, "total size at most 256 KiB");
  }

  void quantity(String path, Quantity q, boolean positive) {
    String text = q.toString();
    boolean syntax = QUANTITY.matcher(text).matches();
    check(syntax, path, "quantity syntax");
    if (syntax) {
      BigDecimal amount = Quantity.getAmountInBytes(q);
      check(positive ? amount.signum() > 0 : amount.signum() >= 0, path, "quantity range");
    }
  }

  void port(String path, int port) {
    check(port >= 1 && port <= 65535, path, "port 1..65535");
  }

  void portName(String path, String name) {
    check(
        name != null
            && name.length() <= 15
            && IANA_SVC_NAME.matcher(name).matches()
            && !name.contains("--")
            && name.chars().anyMatch(Character::isLetter),
        path,
        "IANA_SVC_NAME (at most 15 characters)");
  }

  private void service(Service s) {
    String path = "spec";
    check("None".equals(s.getSpec().getClusterIP()), path + ".clusterIP", "headless");
    check(!s.getSpec().getSelector().isEmpty(), path + ".selector", "required");
    labels(path + ".selector", s.getSpec().getSelector());
    Set<String> names = new HashSet<>();
    for (ServicePort p : s.getSpec().getPorts()) {
      String pp = path + ".ports[" + p.getName() + "]";
      portName(pp + ".name", p.getName());
      check(names.add(p.getName()), pp + ".name", "unique");
      port(pp + ".port", p.getPort());
      intOrPort(pp + ".targetPort", p.getTargetPort());
    }
  }

  void intOrPort(String path, IntOrString v) {
    if (v.getIntVal() != null) {
      port(path, v.getIntVal());
    } else {
      portName(path, v.getStrVal());
    }
  }

  private void pdb(PodDisruptionBudget p) {
    boolean min = p.getSpec().getMinAvailable() != null;
    boolean max = p.getSpec().getMaxUnavailable() != null;
    check(min ^ max, "spec", "exactly one of minAvailable and maxUnavailable");
    check(
        p.getSpec().getSelector() != null && !p.getSpec().getSelector().getMatchLabels().isEmpty(),
        "spec.selector",
        "required");
  }

  static boolean isSubdomain(String s) {
    return s != null && s.length() <= 253 && DNS1123_SUBDOMAIN.matcher(s).matches();
  }

  static boolean isDns1123Label(String s) {
    return s != null && s.length() <= 63 && DNS1123_LABEL.matcher(s).matches();
  }

  static boolean isDns1035(String s) {
    return s != null && s.length() <= 63 && DNS1035_LABEL.matcher(s).matches();
  }

  static boolean isQualifiedName(String key) {
    int slash = key.indexOf('/');
    String name = slash < 0 ? key : key.substring(slash + 1);
    boolean prefixOk = slash < 0 || isSubdomain(key.substring(0, slash));
    return prefixOk && name.length() <= 63 && QUALIFIED_NAME.matcher(name).matches();
  }

  // Used by WorkloadValidation.
  void env(String path, EnvVar e) {
    check(ENV_NAME.matcher(e.getName()).matches(), path + ".name", "env var name");
    check(e.getValue() == null || e.getValueFrom() == null, path, "value or valueFrom, not both");
  }

  void probe(String path, Probe p, boolean successMustBeOne, Set<String> portNames) {
    if (p == null) {
      return;
    }
    check(
        p.getPeriodSeconds() == null || p.getPeriodSeconds() >= 1, path + ".periodSeconds", ">= 1");
    check(
        p.getFailureThreshold() == null || p.getFailureThreshold() >= 1,
        path + ".failureThreshold",
        ">= 1");
    check(
        !successMustBeOne || p.getSuccessThreshold() == null || p.getSuccessThreshold() == 1,
        path + ".successThreshold",
        "must be 1");
    check(p.getHttpGet() != null, path + ".httpGet", "one handler");
    if (p.getHttpGet() != null) {
      check(p.getHttpGet().getPath().startsWith("/"), path + ".httpGet.path", "absolute");
      IntOrString port = p.getHttpGet().getPort();
      if (port.getStrVal() != null) {
        check(portNames.contains(port.getStrVal()), path + ".httpGet.port", "a named port");
      }
      intOrPort(path + ".httpGet.port", port);
    }
  }

  void containerPorts(String path, List<ContainerPort> ports, Set<String> names) {
    Set<String> keys = new HashSet<>();
    for (ContainerPort p : ports) {
      String pp = path + "[" + p.getName() + "]";
      portName(pp + ".name", p.getName());
      check(names.add(p.getName()), pp + ".name", "unique");
      port(pp + ".containerPort", p.getContainerPort());
      check(keys.add(p.getContainerPort() + "/" + p.getProtocol()), pp, "unique port/protocol");
    }
  }

  void mounts(String path, Container c, PodSpec pod, List<PersistentVolumeClaim> claims) {
    Set<String> volumes = new HashSet<>();
    pod.getVolumes().stream().map(Volume::getName).forEach(volumes::add);
    claims.forEach(claim -> volumes.add(claim.getMetadata().getName()));
    Set<String> paths = new HashSet<>();
    for (VolumeMount m : c.getVolumeMounts()) {
      String mp = path + "[" + m.getName() + "]";
      check(volumes.contains(m.getName()), mp + ".name", "a volume or claim template");
      check(m.getMountPath().startsWith("/"), mp + ".mountPath", "absolute");
      check(paths.add(m.getMountPath()), mp + ".mountPath", "unique");
      check(m.getSubPath() == null || !m.getSubPath().startsWith("/"), mp + ".subPath", "relative");
    }
  }
}
