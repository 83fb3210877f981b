package io.srcn.sdk;

import io.fabric8.kubernetes.api.model.TopologySpreadConstraintBuilder;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Generates valid specs from a seed, covering every field of {@link ComputeNodeGroupSpec} (and of
 * its nested values) with values chosen to stress YAML and JSON: strings that look like numbers,
 * booleans or YAML syntax, Unicode, quotes and line breaks where they are allowed.
 */
final class SpecGenerator extends RandomValues {

  private final KubernetesObjectGenerator objects;

  SpecGenerator(long seed) {
    super(new Random(seed));
    this.objects = new KubernetesObjectGenerator(random);
  }

  ComputeNodeGroupSpec spec() {
    ComputeNodeGroupSpec s = ComputeNodeGroups.create(groupName());
    s = maybe(s, x -> x.inNamespace(label(1 + random.nextInt(20))));
    s = maybe(s, x -> x.image(image()));
    s = maybe(s, x -> x.replicas(random.nextInt(1001)));
    s = maybe(s, x -> x.autoscale(autoscaling()));
    s = maybe(s, x -> x.registerWith(frontend()));
    s = maybe(s, x -> x.resources(resources()));
    for (int i = random.nextInt(4); i > 0; i--) {
      s = s.config(configKey(), oneLine(text()));
    }
    for (int i = random.nextInt(4); i > 0; i--) {
      s = s.env(objects.env());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      s = s.nodeSelector(labelKey(), label(1 + random.nextInt(10)));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      s = s.toleration(objects.toleration());
    }
    s = maybe(s, x -> x.affinity(objects.affinity()));
    s = spreads(s);
    for (int i = random.nextInt(3); i > 0; i--) {
      s = s.podLabel(labelKey(), random.nextBoolean() ? "" : label(1 + random.nextInt(30)));
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      s = s.podAnnotation(labelKey(), text());
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      s = s.imagePullSecret(label(3 + random.nextInt(10)));
    }
    s = maybe(s, x -> x.serviceAccount(label(4)));
    s = maybe(s, x -> x.securityContext(objects.securityContext()));
    s = maybe(s, x -> x.imagePullPolicy(pick(List.of("Always", "IfNotPresent", "Never"))));
    s = maybe(s, x -> x.ports(ports()));
    s = maybe(s, x -> x.probes(Probes.of(seconds(), seconds(), seconds())));
    s = maybe(s, x -> x.terminationGracePeriod(Duration.ofSeconds(random.nextInt(3601))));
    s = storage(s);
    s = maybe(s, x -> x.clusterDomain(label(3) + "." + label(5)));
    s = maybe(s, x -> x.addressMode(pick(List.of(AddressMode.values()))));
    s = maybe(s, x -> x.warehouse("wh_" + label(3).replace('-', '_')));
    s = maybe(s, x -> x.command(strings()));
    s = maybe(s, x -> x.args(strings()));
    return s;
  }

  Autoscaling autoscaling() {
    int min = 1 + random.nextInt(100);
    Autoscaling a = Autoscaling.between(min, min + random.nextInt(1001 - min));
    switch (random.nextInt(3)) {
      case 0 -> a = a.onCpu(1 + random.nextInt(100));
      case 1 -> a = a.onCpuAverage(pick(List.of("1", "1500m", "2.5", "0.5", "4")));
      default -> {}
    }
    switch (random.nextInt(3)) {
      case 0 -> a = a.onMemory(1 + random.nextInt(100));
      case 1 -> a = a.onMemoryAverage(pick(List.of("12Gi", "512Mi", "1G", "100k")));
      default -> {}
    }
    for (int i = random.nextInt(3); i > 0; i--) {
      a = a.onMetric(objects.metric());
    }
    if (random.nextBoolean()) {
      a = a.scaleUp(rules());
      a = maybeA(a, x -> x.scaleUpStabilization(Duration.ofSeconds(random.nextInt(3601))));
      a = maybeA(a, x -> x.scaleUpSelect(pick(List.of(SelectPolicy.values()))));
    }
    if (random.nextBoolean()) {
      a = random.nextBoolean() ? a.scaleDownDisabled() : a.scaleDown(rules());
      a = maybeA(a, x -> x.scaleDownStabilization(Duration.ofSeconds(random.nextInt(3601))));
    }
    return a;
  }

  private ScalingRule[] rules() {
    ScalingRule[] rules = new ScalingRule[random.nextInt(3)];
    for (int i = 0; i < rules.length; i++) {
      ScalingRule r =
          random.nextBoolean()
              ? ScalingRule.pods(1 + random.nextInt(1000))
              : ScalingRule.percent(1 + random.nextInt(1000));
      rules[i] = random.nextBoolean() ? r : r.every(Duration.ofSeconds(1 + random.nextInt(1800)));
    }
    return rules;
  }

  Frontend frontend() {
    List<String> hosts =
        new ArrayList<>(
            List.of(
                label(5) + "." + label(3) + ".svc:" + (1 + random.nextInt(65535)),
                "10." + random.nextInt(256) + ".0." + random.nextInt(256),
                "[fd00::" + Integer.toHexString(1 + random.nextInt(65535)) + "]:9030"));
    java.util.Collections.shuffle(hosts, random);
    Frontend fe =
        Frontend.at(hosts.get(0), hosts.subList(1, 1 + random.nextInt(3)).toArray(String[]::new));
    Credentials c =
        switch (random.nextInt(3)) {
          case 0 -> Credentials.fromSecret(label(6));
          case 1 -> Credentials.fromSecret(label(6)).withKeys("user_" + label(2), "pw." + label(2));
          default -> Credentials.of(pick(TRICKY.subList(1, 8)) + "u", text());
        };
    fe = fe.credentials(c);
    if (random.nextBoolean()) {
      fe = fe.connectTimeout(Duration.ofMillis(1 + random.nextInt(60_000)));
    }
    if (random.nextBoolean()) {
      fe = fe.queryTimeout(Duration.ofMillis(1 + random.nextInt(600_000)));
    }
    return random.nextBoolean() ? fe : fe.tlsMode(pick(List.of(TlsMode.values())));
  }

  private Resources resources() {
    Resources r = Resources.none();
    if (random.nextBoolean()) {
      r = Resources.requests(pick(List.of("500m", "1", "2", "4")), pick(List.of("1Gi", "4Gi")));
    }
    if (random.nextBoolean()) {
      r = r.limits(pick(List.of("4", "8", "16")), pick(List.of("4Gi", "16Gi", "32G")));
    }
    if (random.nextBoolean()) {
      r = r.request("ephemeral-storage", "10Gi").limit("nvidia.com/gpu", "1");
    }
    return r;
  }

  private ComputeNodeGroupSpec spreads(ComputeNodeGroupSpec s) {
    Set<String> keys = new LinkedHashSet<>();
    for (int i = random.nextInt(3); i > 0; i--) {
      keys.add(labelKey());
    }
    for (String key : keys) {
      s =
          s.topologySpread(
              new TopologySpreadConstraintBuilder()
                  .withMaxSkew(1 + random.nextInt(5))
                  .withTopologyKey(key)
                  .withWhenUnsatisfiable(pick(List.of("DoNotSchedule", "ScheduleAnyway")))
                  .withNewLabelSelector()
                  .addToMatchLabels("app.kubernetes.io/instance", "g")
                  .endLabelSelector()
                  .build());
    }
    return s;
  }

  private Ports ports() {
    Set<Integer> ports = new LinkedHashSet<>();
    while (ports.size() < 4) {
      ports.add(1 + random.nextInt(65535));
    }
    Integer[] p = ports.toArray(Integer[]::new);
    return Ports.of(p[0], p[1], p[2], p[3]);
  }

  private ComputeNodeGroupSpec storage(ComputeNodeGroupSpec s) {
    s = maybe(s, x -> x.logs(LogOutput.FILES));
    for (int i = random.nextInt(4); i > 0; i--) {
      StorageVolume v =
          StorageVolume.of("vol-" + i + label(2), pick(List.of("1Gi", "100Gi", "1Ti", "500G")));
      v = random.nextBoolean() ? v : v.storageClass(label(3) + "." + label(2));
      v = random.nextBoolean() ? v : v.mountPath("/data/" + i + "/" + label(3));
      // at most one SPILL (i == 2) and one LOGS (i == 3, with log files); others DATA, MOUNT_ONLY,
      // or no purpose with a cn.conf entry pointing at the mount path
      int kind = random.nextInt(4);
      if (i == 2 && kind == 0) {
        v = v.purpose(VolumePurpose.SPILL);
      } else if (i == 3 && s.logs() == LogOutput.FILES) {
        v = v.purpose(VolumePurpose.LOGS);
      } else if (kind == 1) {
        v = v.purpose(VolumePurpose.DATA);
      } else if (kind == 2) {
        v = v.purpose(VolumePurpose.MOUNT_ONLY);
      } else {
        s = s.config("custom_dir_" + i, v.mountPath() + "/sub");
        v = random.nextBoolean() ? v : v.purpose(VolumePurpose.MOUNT_ONLY);
      }
      s = s.storage(v);
    }
    s = maybe(s, x -> x.cnVersion(pick(List.of("3.3.5", "3.3.17", "3.4.6", "3.5.1", "4.0.0"))));
    s =
        maybe(
            s,
            x ->
                x.configFile(
                        "core-site.xml", "<configuration>\n  " + text() + "\n</configuration>\n")
                    .configFile("hdfs-site.xml", text()));
    return s;
  }

  private String groupName() {
    return "g" + label(random.nextInt(39));
  }

  private String image() {
    return pick(
            List.of(
                "starrocks/cn-ubuntu", "registry.example.com:5000/sr/cn", "cn", "ghcr.io/a/b/c"))
        + pick(List.of("", ":3.3.5", ":latest"))
        + (random.nextInt(4) == 0 ? "@sha256:" + "ab".repeat(32) : "");
  }

  private String configKey() {
    return label(3).replace('-', '_') + pick(List.of("", ".x", "_y"));
  }

  private String[] strings() {
    String[] result = new String[random.nextInt(4)];
    for (int i = 0; i < result.length; i++) {
      result[i] = text();
    }
    return result;
  }

  private int seconds() {
    return random.nextInt(5) == 0 ? 0 : random.nextInt(86401);
  }

  private ComputeNodeGroupSpec maybe(
      ComputeNodeGroupSpec s, java.util.function.UnaryOperator<ComputeNodeGroupSpec> change) {
    return random.nextBoolean() ? change.apply(s) : s;
  }

  private Autoscaling maybeA(Autoscaling a, java.util.function.UnaryOperator<Autoscaling> change) {
    return random.nextBoolean() ? change.apply(a) : a;
  }
}
