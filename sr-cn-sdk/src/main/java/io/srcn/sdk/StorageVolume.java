package io.srcn.sdk;

import io.srcn.sdk.internal.SdkStyle;
import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.internal.spec.Quantities;
import io.srcn.sdk.internal.spec.SpecRules;
import io.srcn.sdk.internal.spec.Syntax;
import io.srcn.sdk.naming.SpecDefaults;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A persistent volume per CN pod (a StatefulSet volume claim template): name, size, optional
 * storage class, mount path and {@link VolumePurpose purpose}, from which the renderer writes the
 * cn.conf keys that make the CN use it.
 *
 * <pre>{@code
 * StorageVolume.of("storage", "100Gi").storageClass("fast-ssd").purpose(VolumePurpose.DATA)
 * // at /opt/starrocks/cn/storage; cn.conf: storage_root_path = /opt/starrocks/cn/storage
 * }</pre>
 *
 * <p>Immutable and thread-safe; every fluent method returns a new value.
 */
@Value.Immutable
@SdkStyle
public abstract class StorageVolume {
  StorageVolume() {}

  /** A volume named {@code name} (DNS-1123 label) of {@code size} (a quantity > 0). */
  public static StorageVolume of(String name, String size) {
    return ImmutableStorageVolume.builder()
        .name(SpecRules.nonNull("storage.name", name))
        .size(SpecRules.nonNull("storage.size", size))
        .build();
  }

  /** The volume (and claim template) name, a DNS-1123 label. */
  public abstract String name();

  /** The requested size, a Kubernetes quantity greater than 0. */
  public abstract String size();

  /** The storage class; empty means the cluster's default class. */
  public abstract Optional<String> storageClass();

  /** The absolute mount path in the CN container; default {@code /opt/starrocks/cn/<name>}. */
  @Value.Default
  public String mountPath() {
    return SpecDefaults.defaultMountPath(name());
  }

  /**
   * What the CN uses the volume for; empty only when a cn.conf entry of the spec refers to the
   * mount path (otherwise the spec is invalid).
   */
  public abstract Optional<VolumePurpose> purpose();

  /** A copy with this purpose. */
  public StorageVolume purpose(VolumePurpose purpose) {
    return ImmutableStorageVolume.builder()
        .from(this)
        .purpose(SpecRules.nonNull("storage.purpose", purpose))
        .build();
  }

  /** A copy using this storage class. */
  public StorageVolume storageClass(String storageClass) {
    return ImmutableStorageVolume.builder().from(this).storageClass(storageClass).build();
  }

  /** A copy mounted at this absolute path. */
  public StorageVolume mountPath(String mountPath) {
    return ImmutableStorageVolume.builder()
        .from(this)
        .mountPath(SpecRules.nonNull("storage.mountPath", mountPath))
        .build();
  }

  @Value.Check
  void check() {
    Violations v = new Violations("storage");
    v.dnsLabel("name", name());
    v.require(
        Quantities.isPositive(size()),
        "size",
        () -> Violations.quote(size()) + " must be " + Quantities.SYNTAX_HINT + ", greater than 0");
    storageClass().ifPresent(c -> v.dnsSubdomain("storageClass", c));
    v.require(
        Syntax.isAbsolutePath(mountPath()),
        "mountPath",
        () -> Violations.quote(mountPath()) + " must be an absolute, normalized path");
    String conflict = SpecDefaults.mountPathConflict(mountPath());
    v.require(conflict == null, "mountPath", () -> Violations.quote(mountPath()) + " " + conflict);
    v.require(
        !SpecDefaults.RESERVED_VOLUME_NAMES.contains(name()),
        "name",
        () -> Violations.quote(name()) + " is reserved for a volume the SDK adds itself");
    v.throwIfAny();
  }
}
