package io.srcn.sdk.internal.spec;

import io.srcn.sdk.Autoscaling;
import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.Credentials;
import io.srcn.sdk.Frontend;
import io.srcn.sdk.Ports;
import io.srcn.sdk.Probes;
import io.srcn.sdk.ScalingBehavior;
import io.srcn.sdk.ScalingRule;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.fe.HostPort;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Writes a spec as a document tree of plain maps, lists, strings and integers. Values with a
 * default are always written (a stored spec keeps its meaning if a default changes); empty
 * collections and absent optionals are left out. A literal password is never written.
 *
 * <p>Stateless and thread-safe.
 */
final class SpecWriter {
  private SpecWriter() {}

  /**
   * The document. {@code forReading} leaves out what a reader need not see: {@code replicas} of an
   * autoscaled group, which the HPA owns. The canonical JSON keeps it (it restores the group, and
   * {@code withoutAutoscaling()} returns to it).
   */
  static Map<String, Object> document(ComputeNodeGroupSpec s, boolean forReading) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("apiVersion", SpecReader.API_VERSION);
    doc.put("kind", SpecReader.KIND);
    Map<String, Object> metadata = new LinkedHashMap<>();
    metadata.put("name", s.name());
    metadata.put("namespace", s.namespace());
    doc.put("metadata", metadata);
    doc.put("spec", spec(s, forReading));
    return doc;
  }

  private static Map<String, Object> spec(ComputeNodeGroupSpec s, boolean forReading) {
    Map<String, Object> m = new LinkedHashMap<>();
    s.image().ifPresent(i -> m.put("image", i));
    if (!forReading || s.autoscaling().isEmpty()) {
      m.put("replicas", s.replicas());
    }
    s.autoscaling().ifPresent(a -> m.put("autoscaling", autoscaling(a)));
    s.frontend().ifPresent(f -> m.put("frontend", frontend(f)));
    if (!s.resources().isEmpty()) {
      Map<String, Object> r = new LinkedHashMap<>();
      putNonEmpty(r, "requests", new TreeMap<>(s.resources().requests()));
      putNonEmpty(r, "limits", new TreeMap<>(s.resources().limits()));
      m.put("resources", r);
    }
    putNonEmpty(m, "config", new TreeMap<>(s.config()));
    putNonEmpty(m, "env", trees(s.env()));
    putNonEmpty(m, "nodeSelector", new TreeMap<>(s.nodeSelector()));
    putNonEmpty(m, "tolerations", trees(s.tolerations()));
    s.affinity().ifPresent(a -> m.put("affinity", Fabric8Objects.toTree(a)));
    putNonEmpty(m, "topologySpreadConstraints", trees(s.topologySpreadConstraints()));
    putNonEmpty(m, "podLabels", new TreeMap<>(s.podLabels()));
    putNonEmpty(m, "podAnnotations", new TreeMap<>(s.podAnnotations()));
    putNonEmpty(m, "imagePullSecrets", s.imagePullSecrets());
    s.serviceAccount().ifPresent(a -> m.put("serviceAccount", a));
    s.securityContext().ifPresent(c -> m.put("securityContext", Fabric8Objects.toTree(c)));
    s.imagePullPolicy().ifPresent(p -> m.put("imagePullPolicy", p));
    m.put("ports", ports(s.ports()));
    m.put("probes", probes(s.probes()));
    m.put("terminationGracePeriodSeconds", s.terminationGracePeriod().getSeconds());
    putNonEmpty(m, "storage", s.storage().stream().map(SpecWriter::volume).toList());
    m.put("clusterDomain", s.clusterDomain());
    m.put("addressMode", s.addressMode().name());
    s.warehouse().ifPresent(w -> m.put("warehouse", w));
    putNonEmpty(m, "command", s.command());
    putNonEmpty(m, "args", s.args());
    m.put("logs", s.logs().name());
    s.cnVersion().ifPresent(v -> m.put("cnVersion", v));
    putNonEmpty(m, "configFiles", new TreeMap<>(s.configFiles()));
    return m;
  }

  private static Map<String, Object> autoscaling(Autoscaling a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("minReplicas", a.minReplicas());
    m.put("maxReplicas", a.maxReplicas());
    a.cpuUtilization().ifPresent(u -> m.put("cpuUtilization", u));
    a.memoryUtilization().ifPresent(u -> m.put("memoryUtilization", u));
    a.cpuAverageValue().ifPresent(q -> m.put("cpuAverageValue", q));
    a.memoryAverageValue().ifPresent(q -> m.put("memoryAverageValue", q));
    putNonEmpty(m, "customMetrics", trees(a.customMetrics()));
    a.scaleUp().ifPresent(b -> m.put("scaleUp", behavior(b)));
    a.scaleDown().ifPresent(b -> m.put("scaleDown", behavior(b)));
    return m;
  }

  private static Map<String, Object> behavior(ScalingBehavior b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("selectPolicy", b.selectPolicy().kubernetesName());
    putNonEmpty(m, "rules", b.rules().stream().map(SpecWriter::rule).toList());
    b.stabilizationWindow().ifPresent(w -> m.put("stabilizationWindowSeconds", w.getSeconds()));
    return m;
  }

  private static Map<String, Object> rule(ScalingRule r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", r.type().kubernetesName());
    m.put("value", r.value());
    m.put("periodSeconds", r.period().getSeconds());
    return m;
  }

  private static Map<String, Object> frontend(Frontend f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("addresses", f.addresses().stream().map(HostPort::toString).toList());
    m.put("credentials", credentials(f.credentials()));
    m.put("connectTimeoutMillis", f.connectTimeout().toMillis());
    m.put("queryTimeoutMillis", f.queryTimeout().toMillis());
    m.put("tlsMode", f.tlsMode().name());
    return m;
  }

  private static Map<String, Object> credentials(Credentials c) {
    Map<String, Object> m = new LinkedHashMap<>();
    Optional<String> secret = c.secretName();
    if (secret.isPresent()) {
      m.put("secretName", secret.get());
      m.put("userKey", c.userKey());
      m.put("passwordKey", c.passwordKey());
    } else {
      m.put("user", c.literalUser().orElse(""));
      m.put("passwordOmitted", true);
    }
    return m;
  }

  private static Map<String, Object> ports(Ports p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("heartbeat", p.heartbeat());
    m.put("thrift", p.thrift());
    m.put("webserver", p.webserver());
    m.put("brpc", p.brpc());
    return m;
  }

  private static Map<String, Object> probes(Probes p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("startupFailureSeconds", p.startupFailureSeconds());
    m.put("livenessFailureSeconds", p.livenessFailureSeconds());
    m.put("readinessFailureSeconds", p.readinessFailureSeconds());
    return m;
  }

  private static Map<String, Object> volume(StorageVolume v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", v.name());
    m.put("size", v.size());
    v.storageClass().ifPresent(c -> m.put("storageClass", c));
    m.put("mountPath", v.mountPath());
    v.purpose().ifPresent(p -> m.put("purpose", p.name()));
    return m;
  }

  private static List<Object> trees(List<?> models) {
    return models.stream().map(Fabric8Objects::toTree).toList();
  }

  private static void putNonEmpty(Map<String, Object> m, String key, Object value) {
    boolean empty =
        (value instanceof Map<?, ?> map && map.isEmpty())
            || (value instanceof Collection<?> c && c.isEmpty());
    if (!empty) {
      m.put(key, value);
    }
  }
}
