package io.srcn.it.bom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * sr-cn-bom (sr-cn-sdk/bom/pom.xml) has no parent, so its versions are written twice: here they are
 * checked against the jars this build actually resolved for the testkit (read from each jar's
 * {@code META-INF/maven/.../pom.properties}). A fabric8 or Vert.x upgrade that moves Jackson or
 * Netty fails this test until the BOM follows.
 */
class BomAlignmentTest {
  private static final Path BOM = Path.of("..", "sr-cn-sdk", "bom", "pom.xml");

  @Test
  void theBomPinsTheFabric8JacksonAndNettyVersionsTheBuildUses() throws IOException {
    String bom = Files.readString(BOM);

    assertThat(property(bom, "fabric8.version"))
        .isEqualTo(jarVersion("io.fabric8", "kubernetes-client-api"));
    assertThat(property(bom, "jackson.version"))
        .isEqualTo(jarVersion("tools.jackson.core", "jackson-databind"));
    assertThat(property(bom, "netty.version")).isEqualTo(jarVersion("io.netty", "netty-common"));
  }

  @Test
  void theBomImportsEachAlignedLineAndManagesTheSdkArtifacts() throws IOException {
    String bom = Files.readString(BOM);

    assertThat(bom)
        .contains("<artifactId>kubernetes-client-bom</artifactId>")
        .contains("<artifactId>jackson-bom</artifactId>")
        .contains("<artifactId>netty-bom</artifactId>")
        .contains("<artifactId>sr-cn-sdk</artifactId>")
        .contains("<artifactId>sr-cn-testkit</artifactId>")
        .doesNotContain("<parent>");
  }

  private static String property(String pom, String name) {
    Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(pom);
    assertThat(m.find()).as("property %s in %s", name, BOM).isTrue();
    return m.group(1).trim();
  }

  private static String jarVersion(String groupId, String artifactId) throws IOException {
    String resource = "META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
    try (InputStream in = BomAlignmentTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as("%s on the test classpath", resource).isNotNull();
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    }
  }
}
