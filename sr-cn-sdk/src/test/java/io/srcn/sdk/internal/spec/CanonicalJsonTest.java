package io.srcn.sdk.internal.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {
  @Test
  void sortsKeysAtEveryLevelAndWritesNoWhitespace() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("z", 1);
    inner.put("a", List.of(true, "x", 2L));
    Map<String, Object> outer = new LinkedHashMap<>();
    outer.put("b", inner);
    outer.put("a", null);
    assertThat(CanonicalJson.write(outer))
        .isEqualTo("{\"a\":null,\"b\":{\"a\":[true,\"x\",2],\"z\":1}}");
  }

  @Test
  void escapesStringsTheSameWayEveryTime() {
    assertThat(CanonicalJson.write("q\"b\\n\n\t\u0001\u2028\u00e9"))
        .isEqualTo("\"q\\\"b\\\\n\\n\\t\\u0001\\u2028\u00e9\"");
  }

  @Test
  void writesDecimalsPlainly() {
    assertThat(CanonicalJson.write(List.of(1.50, 1e21, 0.000001)))
        .isEqualTo("[1.5,1000000000000000000000,0.000001]");
  }
}
