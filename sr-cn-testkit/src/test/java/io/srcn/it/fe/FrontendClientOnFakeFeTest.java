package io.srcn.it.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.FrontendAuthException;
import io.srcn.sdk.fe.FrontendClient;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.FrontendInfo;
import io.srcn.sdk.fe.HostPort;
import io.srcn.testkit.fe.FakeComputeNode;
import io.srcn.testkit.fe.FakeFrontend;
import io.srcn.testkit.fe.FeVersion;
import io.srcn.testkit.junit.CnTestkit;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The FE client against the fake FE on the real MySQL protocol: registration paths. */
// heartbeats every hour: no node turns alive or dead behind the statements under test
@CnTestkit(heartbeatMillis = 3_600_000)
class FrontendClientOnFakeFeTest {
  private FakeFrontend fe;
  private FrontendClient client;

  @BeforeEach
  void start(FakeFrontend fe) {
    this.fe = fe;
    this.client = FrontendClient.create(fe.frontend());
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  private static List<HostPort> nodes(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> HostPort.of("g-cn-" + i + ".g-cn-search.ns.svc.cluster.local", 9050))
        .toList();
  }

  @Test
  void registersAllNodesWithOneAddAndNoShow() {
    client.computeNodes(); // connect first: the driver's session setup is not part of the count
    fe.clearStatements();

    AddResult r = client.add(nodes(10));

    assertThat(r.added()).containsExactlyElementsOf(nodes(10));
    assertThat(FeStatements.sql(fe))
        .containsExactly(
            "ALTER SYSTEM ADD COMPUTE NODE "
                + String.join(", ", nodes(10).stream().map(n -> "'" + n + "'").toList()));
    assertThat(fe.computeNodes()).hasSize(10);
  }

  @Test
  void addIsIdempotentWithOneAddAndOneShow() {
    fe.addComputeNode("g-cn-1.g-cn-search.ns.svc.cluster.local", 9050);
    client.computeNodes();
    fe.clearStatements();

    AddResult r = client.add(nodes(3));

    assertThat(r.added()).containsExactly(nodes(3).get(0), nodes(3).get(2));
    assertThat(r.alreadyPresent()).containsExactly(nodes(3).get(1));
    assertThat(FeStatements.count(fe, "ALTER SYSTEM ADD")).isEqualTo(2);
    assertThat(FeStatements.count(fe, "SHOW COMPUTE NODES")).isEqualTo(1);

    AddResult again = client.add(nodes(3));
    assertThat(again.added()).isEmpty();
    assertThat(again.alreadyPresent()).containsExactlyElementsOf(nodes(3));
  }

  @Test
  void batchesLargeRegistrations() {
    client.computeNodes();
    fe.clearStatements();

    AddResult r = client.add(nodes(250));

    assertThat(r.added()).hasSize(250);
    assertThat(FeStatements.count(fe, "ALTER SYSTEM ADD")).isEqualTo(3);
    assertThat(FeStatements.count(fe, "SHOW")).isZero();
    assertThat(client.computeNodes()).hasSize(250);
  }

  @Test
  void dropsWhatIsRegisteredAndReportsTheRestAsAbsent() {
    client.add(nodes(5));
    fe.removeComputeNode("g-cn-2.g-cn-search.ns.svc.cluster.local", 9050); // the FE lost one
    fe.clearStatements();

    DropResult r = client.drop(nodes(5));

    assertThat(r.dropped())
        .containsExactly(nodes(5).get(0), nodes(5).get(1), nodes(5).get(3), nodes(5).get(4));
    assertThat(r.alreadyAbsent()).containsExactly(nodes(5).get(2));
    assertThat(fe.computeNodes()).isEmpty();
    assertThat(FeStatements.count(fe, "ALTER SYSTEM DROP")).isEqualTo(2);
    assertThat(FeStatements.count(fe, "SHOW COMPUTE NODES")).isEqualTo(1);
    assertThat(client.drop(nodes(5)).alreadyAbsent()).hasSize(5);
  }

  @Test
  void listsNodesByLabelWithHeartbeatData() {
    client.add(nodes(2));
    fe.heartbeatNow();

    List<ComputeNode> listed = client.computeNodes();

    assertThat(listed)
        .extracting(ComputeNode::address)
        .containsExactlyInAnyOrderElementsOf(nodes(2));
    ComputeNode n = listed.get(0);
    assertThat(n.alive()).isTrue();
    assertThat(n.statusCode()).isEqualTo(ComputeNode.StatusCode.OK);
    assertThat(n.bePort()).hasValue(9060);
    assertThat(n.lastHeartbeat()).isPresent();
    assertThat(n.version()).isNotEmpty();
    FakeComputeNode fake = fe.computeNodes().get(0);
    assertThat(listed).extracting(ComputeNode::id).contains(fake.id());
  }

  @Test
  void readsVersionAndFrontends() {
    assertThat(client.serverVersion()).isEqualTo(FeVersion.V3_3.release());

    List<FrontendInfo> frontends = client.frontends();

    assertThat(frontends).isNotEmpty();
    assertThat(frontends).filteredOn(FrontendInfo::isLeader).hasSize(1);
    assertThat(frontends.get(0).alive()).isTrue();
  }

  @Test
  void unexpectedStatementErrorsCarryThePurpose() {
    fe.failNextStatements(
        1, sql -> sql.startsWith("ALTER"), 1064, "HY000", "Unexpected exception: No alive nodes");

    assertThatThrownBy(() -> client.add(nodes(1)))
        .isExactlyInstanceOf(FrontendException.class)
        .hasMessage(
            "add compute nodes [g-cn-0.g-cn-search.ns.svc.cluster.local:9050] failed on FE "
                + fe.address()
                + " (error 1064, SQLSTATE 42000): No alive nodes");
    assertThat(client.add(nodes(1)).added()).hasSize(1); // the connection is still usable
  }

  @Test
  void unknownWarehouseIsAStatementError() {
    try (FakeFrontend fe34 = FakeFrontend.builder().version(FeVersion.V3_4).build().start();
        FrontendClient client34 = FrontendClient.create(fe34.frontend())) {
      assertThatThrownBy(() -> client34.add(nodes(1), "no_such_wh"))
          .isInstanceOf(FrontendException.class)
          .hasMessageContaining("add compute nodes")
          .hasMessageContaining("Warehouse name: no_such_wh not exist.");
      assertThat(fe34.computeNodes()).isEmpty();
    }
  }

  @Test
  void aNodeThatIsABackendIsAnErrorNotAnOutcome() {
    fe.failNextStatements(
        1,
        sql -> sql.startsWith("ALTER"),
        1064,
        "HY000",
        "Backend already exists with same host 10.0.0.1 and port 9050");

    assertThatThrownBy(() -> client.add(List.of(HostPort.of("10.0.0.1", 9050))))
        .isInstanceOf(FrontendException.class)
        .hasMessageContaining("Backend already exists");
  }

  @Test
  void missingNodePrivilegeIsNotRetried() {
    fe.addUser("reader", "pw", false);
    try (FrontendClient reader =
        FrontendClient.builder(fe.frontend("reader"))
            .retryDeadline(Duration.ofSeconds(30))
            .build()) {
      fe.clearStatements();

      assertThatThrownBy(() -> reader.add(nodes(1)))
          .isInstanceOf(FrontendAuthException.class)
          .satisfies(e -> assertThat(((FrontendAuthException) e).errorCode()).isIn(1227, 5203));
      assertThat(FeStatements.count(fe, "ALTER SYSTEM ADD")).isEqualTo(1);
    }
  }

  @Test
  void hostileInputNeverReachesTheFe() {
    client.computeNodes();
    fe.clearStatements();

    for (String hostile :
        List.of(
            "a:9050', 'b:9050",
            "a:9050; DROP COMPUTE NODE 'b:9050'",
            "a\n:9050",
            "a/**/:9050",
            "a -- :9050",
            "a#:9050")) {
      assertThatThrownBy(() -> client.add(List.of(HostPort.parse(hostile))))
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThatThrownBy(() -> client.add(nodes(1), "w`; ALTER SYSTEM DROP COMPUTE NODE 'x:1'"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("invalid warehouse name");
    assertThat(fe.statements()).isEmpty();
  }

  @Test
  void wrappedOldAlreadyExistsTextsAreOutcomes() {
    HostPort n = nodes(1).get(0);
    fe.failNextStatements(
        1,
        sql -> sql.startsWith("ALTER"),
        1064,
        "HY000",
        "Unexpected exception: Same compute node already exists[" + n + "]");

    AddResult r = client.add(List.of(n)); // refused, re-listed (absent), added on the retry

    assertThat(r.added()).containsExactly(n);
    assertThat(FeStatements.count(fe, "ALTER SYSTEM ADD")).isEqualTo(2);
    assertThat(FeStatements.count(fe, "SHOW COMPUTE NODES")).isEqualTo(1);
  }
}
