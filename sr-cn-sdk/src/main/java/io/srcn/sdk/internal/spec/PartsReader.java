package io.srcn.sdk.internal.spec;

import io.srcn.sdk.Ports;
import io.srcn.sdk.Probes;
import io.srcn.sdk.Resources;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.VolumePurpose;
import io.srcn.sdk.internal.Violations;

/**
 * Reads the small nested values of a spec document: resources, ports, probes and storage volumes.
 *
 * <p>Stateless and thread-safe.
 */
final class PartsReader {
  private PartsReader() {}

  static Resources resources(Fields f) {
    var requests = f.textMap("requests");
    var limits = f.textMap("limits");
    f.done();
    return Attempts.make(f.violations(), "resources", () -> Resources.of(requests, limits));
  }

  static Ports ports(Fields f) {
    Ports d = Ports.defaults();
    int heartbeat = or(f.integer("heartbeat"), d.heartbeat());
    int thrift = or(f.integer("thrift"), d.thrift());
    int webserver = or(f.integer("webserver"), d.webserver());
    int brpc = or(f.integer("brpc"), d.brpc());
    f.done();
    return Attempts.make(
        f.violations(), "ports", () -> Ports.of(heartbeat, thrift, webserver, brpc));
  }

  static Probes probes(Fields f) {
    Probes d = Probes.defaults();
    int startup = or(f.integer("startupFailureSeconds"), d.startupFailureSeconds());
    int liveness = or(f.integer("livenessFailureSeconds"), d.livenessFailureSeconds());
    int readiness = or(f.integer("readinessFailureSeconds"), d.readinessFailureSeconds());
    f.done();
    return Attempts.make(f.violations(), "probes", () -> Probes.of(startup, liveness, readiness));
  }

  static StorageVolume storage(Fields f) {
    Violations v = f.violations();
    String name = f.string("name");
    String size = f.text("size");
    String storageClass = f.string("storageClass");
    String mountPath = f.string("mountPath");
    VolumePurpose purpose = Enums.read(f, "purpose", VolumePurpose.class, VolumePurpose::name);
    f.done();
    v.require(name != null || f.has("name"), "name", "is required");
    v.require(size != null || f.has("size"), "size", "is required");
    if (name == null || size == null) {
      return null;
    }
    StorageVolume volume = Attempts.make(v, "storage", () -> StorageVolume.of(name, size));
    if (storageClass != null) {
      volume = Attempts.step(v, "storage", volume, x -> x.storageClass(storageClass));
    }
    if (mountPath != null) {
      volume = Attempts.step(v, "storage", volume, x -> x.mountPath(mountPath));
    }
    if (purpose != null) {
      volume = Attempts.step(v, "storage", volume, x -> x.purpose(purpose));
    }
    return volume;
  }

  private static int or(Integer value, int fallback) {
    return value == null ? fallback : value;
  }
}
