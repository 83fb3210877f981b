package io.srcn.sdk;

/**
 * Where the CN writes its logs.
 *
 * <p>Thread-safe (an enum).
 */
public enum LogOutput {
  /**
   * The container output, so {@code kubectl logs} and the cluster's log collector see them: the SDK
   * passes {@code --logconsole} to {@code start_cn.sh}, which sets {@code GLOG_logtostderr=1}
   * (StarRocks {@code bin/start_backend.sh}). Nothing is written to log files. The default. With a
   * {@code command} of the spec's own the SDK adds no arguments: pass {@code --logconsole}
   * yourself.
   */
  CONSOLE,
  /**
   * Log files under {@code sys_log_dir}: on the group's {@link VolumePurpose#LOGS} volume when it
   * has one (kept across pod restarts and rescheduling), otherwise on an {@code emptyDir} at {@code
   * /opt/starrocks/cn/log} (kept across container restarts, gone with the pod).
   */
  FILES
}
