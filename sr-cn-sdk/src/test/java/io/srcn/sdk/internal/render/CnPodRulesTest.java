package io.srcn.sdk.internal.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.ComputeNodeGroups;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import io.srcn.sdk.naming.Labels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rules that make a CN pod right on a real cluster, per CN version line where they differ
 * (issue 16): volumes used through cn.conf, logs, preStop per version, the start script in {@code
 * args} so the image's ENTRYPOINT stays, canonical port keys, extra configuration files.
 */
class CnPodRulesTest {
  private static ComputeNodeGroupSpec group(String tag) {
    return ComputeNodeGroups.create("g").image("starrocks/cn-ubuntu:" + tag);
  }

  private static Container cn(ComputeNodeGroupSpec spec) {
    return spec.render().statefulSet().getSpec().getTemplate().getSpec().getContainers().get(0);
  }

  private static Map<String, String> conf(ComputeNodeGroupSpec spec) {
    return spec.render()
        .cnConf()
        .lines()
        .filter(l -> !l.startsWith("#"))
        .map(l -> l.split(" = ", 2))
        .collect(java.util.stream.Collectors.toMap(kv -> kv[0], kv -> kv[1]));
  }

  private static StorageVolume volume(String name, VolumePurpose purpose) {
    return StorageVolume.of(name, "10Gi").purpose(purpose);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "3.3.5, /opt/starrocks/cn/bin/stop_cn.sh",
    "3.3.17, /opt/starrocks/cn/bin/stop_cn.sh -g",
    "3.4.5, /opt/starrocks/cn/bin/stop_cn.sh",
    "3.4.6, /opt/starrocks/cn/bin/stop_cn.sh -g",
    "3.5.1, /opt/starrocks/cn/bin/stop_cn.sh",
    "3.5.2, /opt/starrocks/cn/bin/stop_cn.sh -g",
    "4.0.0, /opt/starrocks/cn/bin/stop_cn.sh -g",
    "latest, /opt/starrocks/cn/bin/stop_cn.sh -g",
  })
  void preStopDrainsOnlyWhereTheImageCan(String tag, String command) {
    assertThat(String.join(" ", cn(group(tag)).getLifecycle().getPreStop().getExec().getCommand()))
        .isEqualTo(command);
  }

  @Test
  void cnVersionOverridesTheTagForThePreStopHook() {
    assertThat(
            cn(group("latest").cnVersion("3.4.2"))
                .getLifecycle()
                .getPreStop()
                .getExec()
                .getCommand())
        .containsExactly("/opt/starrocks/cn/bin/stop_cn.sh");
  }

  /** 4.x images start through {@code tini} (ENTRYPOINT); 3.x have none: args work for both. */
  @ParameterizedTest
  @ValueSource(strings = {"3.3.5", "3.4.6", "3.5.2", "4.0.0"})
  void theStartScriptGoesIntoArgsSoTheImageEntrypointStays(String tag) {
    Container cn = cn(group(tag));
    assertThat(cn.getCommand()).isEmpty();
    assertThat(cn.getArgs())
        .containsExactly("/opt/starrocks/cn/bin/start_cn.sh", "--logconsole")
        .doesNotContain("--daemon");
    assertThat(cn(group(tag).args("--numa", "0")).getArgs())
        .containsExactly("/opt/starrocks/cn/bin/start_cn.sh", "--numa", "0", "--logconsole");
  }

  @Test
  void logsOnTheConsoleByDefaultWithoutALogVolume() {
    ComputeNodeGroupSpec spec = group("3.5.2");
    assertThat(cn(spec).getArgs()).contains("--logconsole");
    assertThat(conf(spec)).doesNotContainKey("sys_log_dir");
    assertThat(spec.render().statefulSet().getSpec().getTemplate().getSpec().getVolumes())
        .extracting(Volume::getName)
        .containsExactly("cn-config");
  }

  @Test
  void logFilesGoToAnEmptyDirWithoutALogsVolume() {
    ComputeNodeGroupSpec spec = group("3.5.2").logs(LogOutput.FILES);
    StatefulSet sts = spec.render().statefulSet();
    assertThat(cn(spec).getArgs()).doesNotContain("--logconsole");
    assertThat(conf(spec)).containsEntry("sys_log_dir", "/opt/starrocks/cn/log");
    Volume logs = sts.getSpec().getTemplate().getSpec().getVolumes().get(1);
    assertThat(logs.getName()).isEqualTo("cn-logs");
    assertThat(logs.getEmptyDir()).isNotNull();
    assertThat(cn(spec).getVolumeMounts())
        .extracting(m -> m.getName() + " " + m.getMountPath())
        .contains("cn-logs /opt/starrocks/cn/log");
  }

  @Test
  void logFilesGoToTheLogsVolumeWhenThereIsOne() {
    ComputeNodeGroupSpec spec =
        group("3.5.2")
            .logs(LogOutput.FILES)
            .storage(volume("logs", VolumePurpose.LOGS).mountPath("/var/log/cn"));
    assertThat(conf(spec)).containsEntry("sys_log_dir", "/var/log/cn");
    assertThat(spec.render().statefulSet().getSpec().getTemplate().getSpec().getVolumes())
        .extracting(Volume::getName)
        .containsExactly("cn-config");
    assertThat(spec.render().statefulSet().getSpec().getVolumeClaimTemplates())
        .extracting(c -> c.getMetadata().getName())
        .containsExactly("logs");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"3.3.5, true", "3.3.17, true", "3.4.6, false", "3.5.2, false", "4.0.0, false"})
  void dataVolumesBecomeTheStorageRootAndOnThe33LineTheDatacachePaths(
      String tag, boolean datacacheKeys) {
    ComputeNodeGroupSpec spec =
        group(tag)
            .storage(volume("data1", VolumePurpose.DATA))
            .storage(volume("data2", VolumePurpose.DATA).mountPath("/disks/2"));
    Map<String, String> conf = conf(spec);
    assertThat(conf).containsEntry("storage_root_path", "/opt/starrocks/cn/data1;/disks/2");
    if (datacacheKeys) {
      assertThat(conf)
          .containsEntry(
              "datacache_disk_path", "/opt/starrocks/cn/data1/datacache;/disks/2/datacache")
          .containsEntry("datacache_meta_path", "/opt/starrocks/cn/data1/datacache");
    } else {
      assertThat(conf).doesNotContainKeys("datacache_disk_path", "datacache_meta_path");
    }
  }

  @Test
  void spillAndMountOnlyVolumes() {
    ComputeNodeGroupSpec spec =
        group("3.5.2")
            .storage(volume("spill", VolumePurpose.SPILL))
            .storage(volume("scratch", VolumePurpose.MOUNT_ONLY).mountPath("/scratch"));
    assertThat(conf(spec))
        .containsEntry("spill_local_storage_dir", "/opt/starrocks/cn/spill")
        .doesNotContainValue("/scratch")
        .doesNotContainKey("storage_root_path");
    assertThat(cn(spec).getVolumeMounts())
        .extracting(VolumeMount::getMountPath)
        .contains("/opt/starrocks/cn/spill", "/scratch");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.3.5", "3.4.6", "3.5.2", "4.0.0"})
  void everyVersionGetsOneCanonicalKeyPerPort(String tag) {
    assertThat(conf(group(tag)))
        .containsOnlyKeys("be_port", "be_http_port", "heartbeat_service_port", "brpc_port");
  }

  @Test
  void extraConfigurationFilesAreMountedBesideCnConfAndRollThePods() {
    ComputeNodeGroupSpec base = group("3.5.2");
    ComputeNodeGroupSpec hdfs =
        base.configFile("core-site.xml", "<configuration/>\n")
            .configFile("hdfs-site.xml", "<configuration/>\n");
    assertThat(hdfs.render().configMap().getData())
        .containsOnlyKeys("cn.conf", "core-site.xml", "hdfs-site.xml")
        .containsEntry("core-site.xml", "<configuration/>\n");
    List<VolumeMount> mounts = cn(hdfs).getVolumeMounts();
    assertThat(mounts)
        .filteredOn(m -> "cn-config".equals(m.getName()))
        .extracting(m -> m.getMountPath() + " <- " + m.getSubPath() + " ro=" + m.getReadOnly())
        .containsExactly(
            "/opt/starrocks/cn/conf/cn.conf <- cn.conf ro=true",
            "/opt/starrocks/cn/conf/core-site.xml <- core-site.xml ro=true",
            "/opt/starrocks/cn/conf/hdfs-site.xml <- hdfs-site.xml ro=true");
    String hash = configHash(hdfs);
    assertThat(hash).isNotEqualTo(configHash(base));
    assertThat(configHash(hdfs.configFile("core-site.xml", "<configuration></configuration>\n")))
        .isNotEqualTo(hash);
  }

  @Test
  void noHostTypeVariable() {
    assertThat(cn(group("3.5.2")).getEnv()).noneMatch(e -> e.getName().equals("HOST_TYPE"));
  }

  private static String configHash(ComputeNodeGroupSpec spec) {
    return spec.render()
        .statefulSet()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get(Labels.CONFIG_HASH_ANNOTATION);
  }
}
