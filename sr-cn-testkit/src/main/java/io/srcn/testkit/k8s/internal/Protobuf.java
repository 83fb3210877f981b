package io.srcn.testkit.k8s.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Decodes the Kubernetes protobuf request bodies kubectl 1.32 sends ({@code kubectl create
 * namespace|configmap|secret}, {@code kubectl autoscale}) into the JSON the rest of the server
 * handles. A 415 does not make kubectl fall back to JSON (client-go's rest/client.go falls back
 * only for CBOR), so these kinds are decoded.
 *
 * <p>The envelope is the 4-byte prefix {@code k8s\0} then a {@code runtime.Unknown} (typeMeta = 1,
 * raw = 2) whose raw bytes are the object (k8s.io/apimachinery pkg/runtime/serializer/protobuf
 * /protobuf.go, pkg/runtime/generated.proto). Field numbers come from k8s.io/api
 * core/v1/generated.proto and autoscaling/v1/generated.proto and k8s.io/apimachinery
 * pkg/apis/meta/v1/generated.proto. Zero values are omitted, as Go's JSON encoding of the same
 * object would omit them. Any other kind, or a field not modelled here, is a 415 naming it.
 *
 * <p>Stateless and thread-safe.
 */
final class Protobuf {
  /** The protobuf media type. */
  static final String MEDIA_TYPE = "application/vnd.kubernetes.protobuf";

  private static final byte[] PREFIX = {0x6b, 0x38, 0x73, 0x00};

  private enum T {
    STRING,
    INT,
    BOOL,
    BYTES,
    MESSAGE,
    STRINGS,
    MESSAGES,
    MAP_STRING,
    MAP_BYTES,
    TIME
  }

  private record F(String json, T type, Map<Integer, F> nested) {
    static F of(String json, T type) {
      return new F(json, type, null);
    }
  }

  private static final Map<Integer, F> OWNER_REFERENCE =
      Map.of(
          5, F.of("apiVersion", T.STRING),
          1, F.of("kind", T.STRING),
          3, F.of("name", T.STRING),
          4, F.of("uid", T.STRING),
          6, F.of("controller", T.BOOL),
          7, F.of("blockOwnerDeletion", T.BOOL));

  private static final Map<Integer, F> OBJECT_META =
      Map.ofEntries(
          Map.entry(1, F.of("name", T.STRING)),
          Map.entry(2, F.of("generateName", T.STRING)),
          Map.entry(3, F.of("namespace", T.STRING)),
          Map.entry(4, F.of("selfLink", T.STRING)),
          Map.entry(5, F.of("uid", T.STRING)),
          Map.entry(6, F.of("resourceVersion", T.STRING)),
          Map.entry(7, F.of("generation", T.INT)),
          Map.entry(8, F.of("creationTimestamp", T.TIME)),
          Map.entry(9, F.of("deletionTimestamp", T.TIME)),
          Map.entry(10, F.of("deletionGracePeriodSeconds", T.INT)),
          Map.entry(11, F.of("labels", T.MAP_STRING)),
          Map.entry(12, F.of("annotations", T.MAP_STRING)),
          Map.entry(13, new F("ownerReferences", T.MESSAGES, OWNER_REFERENCE)),
          Map.entry(14, F.of("finalizers", T.STRINGS)));

  private static final F METADATA = new F("metadata", T.MESSAGE, OBJECT_META);

  /** authorization/v1 generated.proto: SelfSubjectAccessReview (kubectl auth can-i sends it). */
  private static final Map<Integer, F> ACCESS_REVIEW =
      Map.of(
          1,
          METADATA,
          2,
          new F(
              "spec",
              T.MESSAGE,
              Map.of(
                  1,
                  new F(
                      "resourceAttributes",
                      T.MESSAGE,
                      Map.of(
                          1, F.of("namespace", T.STRING),
                          2, F.of("verb", T.STRING),
                          3, F.of("group", T.STRING),
                          4, F.of("version", T.STRING),
                          5, F.of("resource", T.STRING),
                          6, F.of("subresource", T.STRING),
                          7, F.of("name", T.STRING))),
                  2,
                  new F(
                      "nonResourceAttributes",
                      T.MESSAGE,
                      Map.of(1, F.of("path", T.STRING), 2, F.of("verb", T.STRING))))),
          3, // always sent by the Go encoder, empty in a request
          new F(
              "status",
              T.MESSAGE,
              Map.of(
                  1, F.of("allowed", T.BOOL),
                  2, F.of("reason", T.STRING),
                  3, F.of("evaluationError", T.STRING),
                  4, F.of("denied", T.BOOL))));

  private static final Map<String, Map<Integer, F>> KINDS =
      Map.of(
          "authorization.k8s.io/v1/SelfSubjectAccessReview",
          ACCESS_REVIEW,
          "v1/ConfigMap",
          Map.of(
              1, METADATA,
              2, F.of("data", T.MAP_STRING),
              3, F.of("binaryData", T.MAP_BYTES),
              4, F.of("immutable", T.BOOL)),
          "v1/Secret",
          Map.of(
              1, METADATA,
              2, F.of("data", T.MAP_BYTES),
              3, F.of("type", T.STRING),
              4, F.of("stringData", T.MAP_STRING),
              5, F.of("immutable", T.BOOL)),
          "v1/Namespace",
          Map.of(
              1, METADATA,
              2, new F("spec", T.MESSAGE, Map.of(1, F.of("finalizers", T.STRINGS))),
              3, new F("status", T.MESSAGE, Map.of(1, F.of("phase", T.STRING)))),
          "autoscaling/v1/HorizontalPodAutoscaler",
          Map.of(
              1, METADATA,
              2,
                  new F(
                      "spec",
                      T.MESSAGE,
                      Map.of(
                          1,
                          new F(
                              "scaleTargetRef",
                              T.MESSAGE,
                              Map.of(
                                  1, F.of("kind", T.STRING),
                                  2, F.of("name", T.STRING),
                                  3, F.of("apiVersion", T.STRING))),
                          2,
                          F.of("minReplicas", T.INT),
                          3,
                          F.of("maxReplicas", T.INT),
                          4,
                          F.of("targetCPUUtilizationPercentage", T.INT))),
              3,
                  new F(
                      "status",
                      T.MESSAGE,
                      Map.of(
                          1, F.of("observedGeneration", T.INT),
                          2, F.of("lastScaleTime", T.TIME),
                          3, F.of("currentReplicas", T.INT),
                          4, F.of("desiredReplicas", T.INT),
                          5, F.of("currentCPUUtilizationPercentage", T.INT)))));

  private Protobuf() {}

  /** Whether a Content-Type is the Kubernetes protobuf media type. */
  static boolean is(String contentType) {
    return contentType != null && WriteHandler.mediaType(contentType).equals(MEDIA_TYPE);
  }

  /**
   * The JSON of a protobuf-encoded object.
   *
   * @throws ApiException 400 for a malformed body, 415 for a kind or field this mock does not model
   */
  static String toJson(byte[] body) {
    if (body.length < PREFIX.length
        || !java.util.Arrays.equals(body, 0, PREFIX.length, PREFIX, 0, PREFIX.length)) {
      throw ApiException.badRequest("the protobuf body does not start with the k8s\\0 prefix");
    }
    try {
      ProtoReader unknown = new ProtoReader(body, PREFIX.length, body.length);
      String apiVersion = null;
      String kind = null;
      ProtoReader raw = null;
      while (unknown.more()) {
        int tag = unknown.tag();
        if (tag >>> 3 == 1) {
          ProtoReader typeMeta = unknown.message();
          while (typeMeta.more()) {
            int t = typeMeta.tag();
            if (t >>> 3 == 1) {
              apiVersion = typeMeta.string();
            } else if (t >>> 3 == 2) {
              kind = typeMeta.string();
            } else {
              typeMeta.skip(t);
            }
          }
        } else if (tag >>> 3 == 2) {
          raw = unknown.message();
        } else {
          unknown.skip(tag);
        }
      }
      Map<Integer, F> schema = KINDS.get(apiVersion + "/" + kind);
      if (schema == null || raw == null) {
        throw ApiException.unsupportedMediaType(
            "the mock API server decodes protobuf bodies only for "
                + String.join(", ", new java.util.TreeSet<>(KINDS.keySet()))
                + ", not "
                + apiVersion
                + "/"
                + kind
                + "; send application/json");
      }
      ObjectNode out = Json.object();
      out.put("apiVersion", apiVersion);
      out.put("kind", kind);
      decode(raw, schema, out, kind);
      return Json.write(out);
    } catch (IndexOutOfBoundsException e) {
      throw ApiException.badRequest("the protobuf body is truncated or malformed");
    }
  }

  private static void decode(ProtoReader in, Map<Integer, F> schema, ObjectNode out, String where) {
    while (in.more()) {
      int tag = in.tag();
      F f = schema.get(tag >>> 3);
      if (f == null) {
        throw ApiException.unsupportedMediaType(
            "protobuf field "
                + (tag >>> 3)
                + " of "
                + where
                + " is not modelled by the mock API server; send application/json");
      }
      switch (f.type()) {
        case STRING -> putIfNotEmpty(out, f.json(), in.string());
        case INT -> {
          long v = in.varint();
          if (v != 0) {
            out.put(f.json(), v);
          }
        }
        case BOOL -> {
          if (in.varint() != 0) {
            out.put(f.json(), true);
          }
        }
        case BYTES -> out.put(f.json(), Base64.getEncoder().encodeToString(in.bytes()));
        case MESSAGE -> {
          ObjectNode child = Json.object();
          decode(in.message(), f.nested(), child, where + "." + f.json());
          if (!child.isEmpty()) {
            out.set(f.json(), child);
          }
        }
        case STRINGS -> out.withArray(f.json()).add(in.string());
        case MESSAGES -> {
          ArrayNode list = out.withArray(f.json());
          ObjectNode child = list.addObject();
          decode(in.message(), f.nested(), child, where + "." + f.json());
        }
        case MAP_STRING, MAP_BYTES -> mapEntry(in.message(), f, Json.with(out, f.json()));
        case TIME -> {
          ProtoReader t = in.message();
          long seconds = 0;
          while (t.more()) {
            int tt = t.tag();
            if (tt >>> 3 == 1) {
              seconds = t.varint();
            } else {
              t.skip(tt);
            }
          }
          if (seconds != 0) {
            out.put(f.json(), Instant.ofEpochSecond(seconds).toString());
          }
        }
        default -> throw new IllegalStateException(f.type().name());
      }
    }
  }

  private static void mapEntry(ProtoReader entry, F f, ObjectNode map) {
    String key = "";
    String value = "";
    while (entry.more()) {
      int tag = entry.tag();
      if (tag >>> 3 == 1) {
        key = entry.string();
      } else if (tag >>> 3 == 2) {
        value =
            f.type() == T.MAP_BYTES
                ? Base64.getEncoder().encodeToString(entry.bytes())
                : entry.string();
      } else {
        entry.skip(tag);
      }
    }
    map.put(key, value);
  }

  private static void putIfNotEmpty(ObjectNode out, String field, String value) {
    if (!value.isEmpty()) {
      out.put(field, value);
    }
  }

  /** Reads protobuf wire format from a byte range. */
  private static final class ProtoReader {
    private final byte[] b;
    private int pos;
    private final int end;

    ProtoReader(byte[] b, int from, int end) {
      this.b = b;
      this.pos = from;
      this.end = end;
    }

    boolean more() {
      return pos < end;
    }

    int tag() {
      return (int) varint();
    }

    long varint() {
      long v = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= end) {
          throw new IndexOutOfBoundsException("varint");
        }
        byte x = b[pos++];
        v |= (long) (x & 0x7f) << shift;
        if ((x & 0x80) == 0) {
          return v;
        }
      }
      throw new IndexOutOfBoundsException("varint too long");
    }

    byte[] bytes() {
      int n = (int) varint();
      if (n < 0 || pos + n > end) {
        throw new IndexOutOfBoundsException("length");
      }
      byte[] out = java.util.Arrays.copyOfRange(b, pos, pos + n);
      pos += n;
      return out;
    }

    String string() {
      return new String(bytes(), StandardCharsets.UTF_8);
    }

    ProtoReader message() {
      int n = (int) varint();
      if (n < 0 || pos + n > end) {
        throw new IndexOutOfBoundsException("length");
      }
      ProtoReader r = new ProtoReader(b, pos, pos + n);
      pos += n;
      return r;
    }

    void skip(int tag) {
      switch (tag & 7) {
        case 0 -> varint();
        case 1 -> pos += 8;
        case 2 -> bytes();
        case 5 -> pos += 4;
        default -> throw new IndexOutOfBoundsException("wire type " + (tag & 7));
      }
    }
  }
}
