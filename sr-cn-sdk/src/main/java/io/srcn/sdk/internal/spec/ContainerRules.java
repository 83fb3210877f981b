package io.srcn.sdk.internal.spec;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import io.srcn.sdk.internal.CnVersion;
import io.srcn.sdk.internal.StorageEntries;
import io.srcn.sdk.internal.Violations;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules that tie the CN container to what the image does: every volume is used (a purpose, or a
 * cn.conf entry pointing at it), the log output matches the volumes, {@code args} keep the CN in
 * the foreground, {@code cnVersion} is {@code X.Y.Z}, and extra configuration files fit beside
 * cn.conf in one ConfigMap.
 *
 * <p>Stateless and thread-safe.
 */
final class ContainerRules {
  /** ConfigMap keys ({@code [-._a-zA-Z0-9]+}), here also plain file names. */
  private static final Pattern FILE_NAME = Pattern.compile("[-._a-zA-Z0-9]{1,253}");

  /** A ConfigMap holds at most 1 MiB; cn.conf needs a little of it. */
  static final int MAX_CONFIG_FILE_BYTES = 900 * 1024;

  private ContainerRules() {}

  static void check(Violations v, ComputeNodeGroupSpec s) {
    volumes(v, s);
    args(v, s);
    s.cnVersion()
        .ifPresent(
            ver ->
                v.require(
                    CnVersion.isValid(ver),
                    "cnVersion",
                    () -> Violations.quote(ver) + " must be a version X.Y.Z, e.g. 3.5.2"));
    configFiles(v, s.configFiles());
  }

  private static void volumes(Violations v, ComputeNodeGroupSpec s) {
    for (StorageVolume volume : s.storage()) {
      String field = "storage[" + volume.name() + "].purpose";
      boolean referenced =
          s.config().values().stream().anyMatch(value -> refersTo(value, volume.mountPath()));
      v.require(
          volume.purpose().isPresent() || referenced,
          field,
          () ->
              "volume "
                  + Violations.quote(volume.name())
                  + " has no purpose and no cn.conf entry refers to its mount path "
                  + volume.mountPath()
                  + ", so the CN would not use it; set purpose(DATA), SPILL, LOGS or MOUNT_ONLY");
      v.require(
          volume.purpose().filter(VolumePurpose.LOGS::equals).isEmpty()
              || s.logs() == LogOutput.FILES,
          field,
          "LOGS needs logs(LogOutput.FILES): with CONSOLE the CN writes no log files");
    }
    atMostOne(v, s.storage(), VolumePurpose.SPILL);
    atMostOne(v, s.storage(), VolumePurpose.LOGS);
    boolean anyPurpose = s.storage().stream().anyMatch(vol -> vol.purpose().isPresent());
    if (anyPurpose || s.logs() == LogOutput.FILES) {
      for (String key : StorageEntries.of(s).keySet()) {
        v.require(
            !s.config().containsKey(key),
            "config." + key,
            "is written by the SDK from the storage volumes' purposes and logs(); remove it here");
      }
    }
    if (StorageEntries.needsLogEmptyDir(s)) {
      s.storage().stream()
          .filter(vol -> vol.mountPath().equals(StorageEntries.LOG_DIR))
          .forEach(
              vol ->
                  v.add(
                      "storage[" + vol.name() + "].mountPath",
                      "logs(FILES) without a LOGS volume puts an emptyDir at "
                          + StorageEntries.LOG_DIR
                          + "; give this volume purpose(LOGS) or another mount path"));
    }
  }

  private static boolean refersTo(String value, String mountPath) {
    int i = value.indexOf(mountPath);
    while (i >= 0) {
      int end = i + mountPath.length();
      if (end == value.length() || "/;,".indexOf(value.charAt(end)) >= 0) {
        return true;
      }
      i = value.indexOf(mountPath, i + 1);
    }
    return false;
  }

  private static void atMostOne(Violations v, List<StorageVolume> volumes, VolumePurpose purpose) {
    List<String> names =
        volumes.stream()
            .filter(vol -> vol.purpose().filter(purpose::equals).isPresent())
            .map(StorageVolume::name)
            .toList();
    v.require(
        names.size() <= 1,
        "storage",
        () -> "at most one volume may have purpose " + purpose + "; found " + names);
  }

  private static void args(Violations v, ComputeNodeGroupSpec s) {
    List<String> args = s.args();
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      v.require(
          !"--daemon".equals(arg),
          "args[" + i + "]",
          "--daemon makes start_cn.sh run the CN in the background and return, so the container"
              + " would exit and the pod crash-loop; the SDK runs the CN in the foreground");
      v.require(
          !("--logconsole".equals(arg) && s.logs() == LogOutput.FILES),
          "args[" + i + "]",
          "--logconsole sends the logs to the console, but logs(FILES) is set; use logs(CONSOLE)");
    }
  }

  private static void configFiles(Violations v, Map<String, String> files) {
    long bytes = 0;
    for (Map.Entry<String, String> e : files.entrySet()) {
      String name = e.getKey();
      v.require(
          FILE_NAME.matcher(name).matches() && !name.startsWith("."),
          "configFiles",
          () ->
              "file name "
                  + Violations.quote(name)
                  + " must be 1-253 letters, digits, '-', '_' or '.', not starting with '.'");
      v.require(
          !"cn.conf".equals(name),
          "configFiles." + name,
          "is rendered from config(...) and ports(...); set its entries there");
      bytes += e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    long total = bytes;
    v.require(
        total <= MAX_CONFIG_FILE_BYTES,
        "configFiles",
        () ->
            "hold "
                + total
                + " bytes; at most "
                + MAX_CONFIG_FILE_BYTES
                + " fit in the group's ConfigMap (1 MiB with cn.conf)");
  }
}
