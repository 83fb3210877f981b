package io.srcn.sdk.internal.spec;

import io.srcn.sdk.ComputeNodeGroupSpec;
import io.srcn.sdk.InvalidSpecException;
import io.srcn.sdk.StorageVolume;
import io.srcn.sdk.internal.Violations;
import io.srcn.sdk.naming.SpecDefaults;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The validation rules of {@link ComputeNodeGroupSpec}, in one place: the structural rules every
 * spec value obeys (run by its {@code @Value.Check}) and the completeness rules that {@code
 * validate()} adds. Nested values ({@code Autoscaling}, {@code Resources}, {@code Ports}, ...)
 * validate themselves when built.
 *
 * <p>Stateless and thread-safe.
 */
public final class SpecRules {
  /** The longest group name; longer names break StatefulSet pod and revision labels. */
  public static final int MAX_NAME_LENGTH = 40;

  /** The largest replica count. */
  public static final int MAX_REPLICAS = 1000;

  private static final Pattern DNS_1035 = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");

  private SpecRules() {}

  /**
   * Every violation of a spec; with {@code complete}, also the rules a spec must meet before it is
   * deployed.
   */
  public static Violations check(ComputeNodeGroupSpec s, boolean complete) {
    Violations v = new Violations("");
    name(v, s.name());
    v.dnsLabel("namespace", s.namespace());
    if (s.image().isPresent()) {
      v.require(
          Syntax.isImageReference(s.image().get()),
          "image",
          () ->
              Violations.quote(s.image().get())
                  + " is not an image reference ([registry[:port]/]path[:tag][@digest])");
    } else {
      v.require(!complete, "image", "is required");
    }
    v.range("replicas", s.replicas(), 0, MAX_REPLICAS);
    ConfigRules.config(v, s.config());
    PodRules.env(v, s.env());
    PodRules.scheduling(v, s);
    PodRules.metadata(v, s);
    s.imagePullSecrets().forEach(n -> v.dnsSubdomain("imagePullSecrets", n));
    distinct(v, "imagePullSecrets", s.imagePullSecrets(), Function.identity());
    s.serviceAccount().ifPresent(a -> v.dnsSubdomain("serviceAccount", a));
    s.securityContext().ifPresent(c -> Fabric8Objects.unknownFields(v.child("securityContext"), c));
    s.imagePullPolicy()
        .ifPresent(
            p ->
                v.require(
                    SpecDefaults.PULL_POLICIES.contains(p),
                    "imagePullPolicy",
                    () -> Violations.quote(p) + " must be one of Always, IfNotPresent, Never"));
    gracePeriod(v, s.terminationGracePeriod());
    storage(v, s.storage());
    ContainerRules.check(v, s);
    v.dnsSubdomain("clusterDomain", s.clusterDomain());
    s.warehouse()
        .ifPresent(
            w ->
                v.require(
                    Syntax.isWarehouseName(w),
                    "warehouse",
                    () -> Violations.quote(w) + " must be an identifier [A-Za-z_][A-Za-z0-9_]*"));
    return v;
  }

  /**
   * Returns {@code value}, or throws naming the field when it is null.
   *
   * @throws InvalidSpecException when {@code value} is null
   */
  public static <T> T nonNull(String field, T value) {
    if (value == null) {
      new Violations("").add(field, "must not be null").throwIfAny();
    }
    return value;
  }

  /** A one-entry map, or an exception naming the field when the key or value is null. */
  public static Map<String, String> entry(String field, String key, String value) {
    nonNull(field, key);
    nonNull(field + "." + key, value);
    return Map.of(key, value);
  }

  /** The values as a list, or an exception naming the field when one is null. */
  @SafeVarargs
  public static <T> List<T> elements(String field, T... values) {
    nonNull(field, values);
    for (int i = 0; i < values.length; i++) {
      nonNull(field + "[" + i + "]", values[i]);
    }
    return Arrays.asList(values);
  }

  /** A copy of {@code list} where {@code item} replaces the element with its key, or is added. */
  public static <T> List<T> replaceOrAdd(List<T> list, T item, Function<T, String> key) {
    List<T> result = new ArrayList<>(list);
    String k = key.apply(item);
    for (int i = 0; i < result.size(); i++) {
      if (k != null && k.equals(key.apply(result.get(i)))) {
        result.set(i, item);
        return result;
      }
    }
    result.add(item);
    return result;
  }

  /** Records a violation for each element whose key repeats an earlier one. */
  static <T> void distinct(Violations v, String field, List<T> list, Function<T, String> key) {
    Set<String> seen = new HashSet<>();
    Set<String> repeated = new TreeSet<>();
    for (T element : list) {
      String k = key.apply(element);
      if (k != null && !seen.add(k)) {
        repeated.add(k);
      }
    }
    repeated.forEach(k -> v.add(field, Violations.quote(k) + " appears more than once"));
  }

  private static void name(Violations v, String name) {
    v.require(
        DNS_1035.matcher(name).matches(),
        "name",
        () ->
            Violations.quote(name)
                + " must be a DNS-1035 label (start with a lower-case letter; letters, digits, '-')");
    v.require(
        name.length() <= MAX_NAME_LENGTH,
        "name",
        () ->
            Violations.quote(name)
                + " is "
                + name.length()
                + " characters; at most 40 allowed, because longer names break the labels Kubernetes"
                + " puts on StatefulSet pods and controller revisions (63 characters at most)");
  }

  private static void gracePeriod(Violations v, Duration d) {
    v.require(
        !d.isNegative() && d.getNano() == 0,
        "terminationGracePeriod",
        () -> d + " must be whole seconds, >= 0");
  }

  private static void storage(Violations v, List<StorageVolume> volumes) {
    distinct(v, "storage", volumes, StorageVolume::name);
    Set<String> paths = new HashSet<>();
    for (StorageVolume volume : volumes) {
      v.require(
          paths.add(volume.mountPath()),
          "storage",
          () ->
              "mount path "
                  + Violations.quote(volume.mountPath())
                  + " is used by more than one volume");
    }
  }
}
