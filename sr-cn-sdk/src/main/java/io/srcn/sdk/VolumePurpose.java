package io.srcn.sdk;

/**
 * What the CN uses a {@link StorageVolume} for; the renderer writes the matching cn.conf keys. A
 * volume mounted where nothing in cn.conf points at it is not used by the CN at all (its data cache
 * would grow in the container's writable layer instead), so every volume either has a purpose or is
 * referenced by a cn.conf entry of the spec.
 *
 * <p>Thread-safe (an enum).
 */
public enum VolumePurpose {
  /**
   * The CN's storage root: {@code storage_root_path} (several DATA volumes are joined with {@code
   * ;}). The shared-data cache lives below it, and from CN 3.4 on so does the unified data cache;
   * on the 3.3 line the SDK also points {@code datacache_disk_path} and {@code datacache_meta_path}
   * at {@code <mountPath>/datacache}, which default to the image's {@code
   * /opt/starrocks/cn/datacache} there.
   */
  DATA,
  /** Spill files of large queries: {@code spill_local_storage_dir} (at most one volume). */
  SPILL,
  /**
   * Log files: {@code sys_log_dir} (at most one volume); requires {@code logs(LogOutput.FILES)}.
   * Mount it at {@code /opt/starrocks/cn/log} to keep {@code cn.out} there too.
   */
  LOGS,
  /** Mounted only: the SDK writes no cn.conf key for it. */
  MOUNT_ONLY
}
