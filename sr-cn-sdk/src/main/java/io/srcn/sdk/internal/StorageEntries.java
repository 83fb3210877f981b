package io.srcn.sdk.internal;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.LogOutput;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import io.srcn.sdk.naming.SpecDefaults;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The cn.conf entries the SDK writes for the storage volumes' purposes and the log output, so that
 * the CN uses the volumes it is given (BE/CN keys of {@code be/src/common/config.h}: {@code
 * storage_root_path}, {@code spill_local_storage_dir}, {@code sys_log_dir}; {@code
 * datacache_disk_path} and {@code datacache_meta_path} up to the 3.3 line, see {@link
 * CnVersion#readsDatacacheDiskPath()}).
 *
 * <p>Stateless and thread-safe.
 */
public final class StorageEntries {
  /** The emptyDir volume holding log files when no volume has purpose LOGS. */
  public static final String LOG_VOLUME = "cn-logs";

  /** Where log files go without a LOGS volume: the image's default {@code sys_log_dir}. */
  public static final String LOG_DIR = SpecDefaults.CN_HOME + "/log";

  /** The data cache directory below a DATA volume (the 3.3 line's external-table cache). */
  static final String DATACACHE_DIR = "datacache";

  private StorageEntries() {}

  /** The entries, sorted by key; empty when no volume has a purpose and logs go to the console. */
  public static Map<String, String> of(ComputeNodeGroupSpec spec) {
    Map<String, String> m = new TreeMap<>();
    List<String> data = mounts(spec, VolumePurpose.DATA);
    if (!data.isEmpty()) {
      m.put("storage_root_path", String.join(";", data));
      boolean datacacheKeys =
          CnVersion.of(spec).map(CnVersion::readsDatacacheDiskPath).orElse(false);
      if (datacacheKeys) {
        List<String> cache = data.stream().map(p -> p + "/" + DATACACHE_DIR).toList();
        m.put("datacache_disk_path", String.join(";", cache));
        m.put("datacache_meta_path", cache.get(0));
      }
    }
    mounts(spec, VolumePurpose.SPILL).forEach(p -> m.put("spill_local_storage_dir", p));
    if (spec.logs() == LogOutput.FILES) {
      m.put("sys_log_dir", mounts(spec, VolumePurpose.LOGS).stream().findFirst().orElse(LOG_DIR));
    }
    return m;
  }

  /** The keys {@link #of} may write for some spec: the spec's config may not set them itself. */
  public static final List<String> KEYS =
      List.of(
          "storage_root_path",
          "datacache_disk_path",
          "datacache_meta_path",
          "spill_local_storage_dir",
          "sys_log_dir");

  /** True when the pods need the emptyDir log volume: files, and no LOGS volume. */
  public static boolean needsLogEmptyDir(ComputeNodeGroupSpec spec) {
    return spec.logs() == LogOutput.FILES && mounts(spec, VolumePurpose.LOGS).isEmpty();
  }

  private static List<String> mounts(ComputeNodeGroupSpec spec, VolumePurpose purpose) {
    return spec.storage().stream()
        .filter(v -> v.purpose().filter(purpose::equals).isPresent())
        .map(StorageVolume::mountPath)
        .toList();
  }
}
