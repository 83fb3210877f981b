package io.srcn.sdk.internal.fe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.srcn.sdk.fe.AddResult;
import io.srcn.sdk.fe.ComputeNode;
import io.srcn.sdk.fe.DropResult;
import io.srcn.sdk.fe.FrontendException;
import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.helpers.NOPLogger;

class RegistrarTest {
  private final InMemoryFe fe = new InMemoryFe();

  private Registrar registrar(int batchSize) {
    return new Registrar(fe.ops(), batchSize, NOPLogger.NOP_LOGGER);
  }

  private static List<HostPort> nodes(int n) {
    return IntStream.range(0, n)
        .mapToObj(i -> HostPort.of("g-cn-" + i + ".g-cn-search.ns.svc.cluster.local", 9050))
        .toList();
  }

  @Test
  void addsAllNewNodesInOneStatementWithoutListing() {
    AddResult r = registrar(100).add(nodes(10), Optional.empty());

    assertThat(r.added()).containsExactlyElementsOf(nodes(10));
    assertThat(r.alreadyPresent()).isEmpty();
    assertThat(fe.statements).hasSize(1);
    assertThat(fe.nodes).containsOnlyKeys(nodes(10));
  }

  @Test
  void splitsIntoBatchesOfTheConfiguredSize() {
    AddResult r = registrar(100).add(nodes(250), Optional.empty());

    assertThat(r.added()).hasSize(250);
    assertThat(fe.count("ALTER SYSTEM ADD")).isEqualTo(3);
    assertThat(fe.count("SHOW")).isZero();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void alreadyExistsRelistsOnceAndAddsOnlyTheRemainder(boolean oldMessages) {
    fe.oldMessages = oldMessages;
    fe.unexpectedPrefix = oldMessages;
    List<HostPort> all = nodes(5);
    fe.nodes.put(all.get(1), "default_warehouse");
    fe.nodes.put(all.get(3), "default_warehouse");

    AddResult r = registrar(100).add(all, Optional.empty());

    assertThat(r.added()).containsExactly(all.get(0), all.get(2), all.get(4));
    assertThat(r.alreadyPresent()).containsExactly(all.get(1), all.get(3));
    assertThat(fe.count("ALTER SYSTEM ADD")).isEqualTo(2);
    assertThat(fe.count("SHOW")).isEqualTo(1);
    assertThat(fe.statements.get(2))
        .isEqualTo(
            FeSql.addComputeNodes(List.of(all.get(0), all.get(2), all.get(4)), Optional.empty()));
  }

  @Test
  void addIsIdempotent() {
    registrar(100).add(nodes(3), Optional.empty());
    fe.statements.clear();

    AddResult again = registrar(100).add(nodes(3), Optional.empty());

    assertThat(again.added()).isEmpty();
    assertThat(again.alreadyPresent()).containsExactlyElementsOf(nodes(3));
    assertThat(fe.statements).hasSize(2); // one ADD refused, one SHOW, nothing left to add
  }

  @Test
  void aListingSettlesLaterBatchesWithoutSendingThem() {
    fe.nodes.put(nodes(4).get(0), "default_warehouse");
    nodes(4).subList(2, 4).forEach(n -> fe.nodes.put(n, "default_warehouse"));

    AddResult r = registrar(2).add(nodes(4), Optional.empty());

    assertThat(r.added()).containsExactly(nodes(4).get(1));
    assertThat(r.alreadyPresent())
        .containsExactly(nodes(4).get(0), nodes(4).get(2), nodes(4).get(3));
    // batch 1: ADD refused, SHOW, ADD of the remainder; batch 2 settled by the listing
    assertThat(fe.statements).hasSize(3);
  }

  @Test
  void duplicatesInTheInputCountOnce() {
    List<HostPort> input = new ArrayList<>(nodes(2));
    input.add(nodes(2).get(0));

    AddResult r = registrar(100).add(input, Optional.empty());

    assertThat(r.added()).containsExactlyElementsOf(nodes(2));
    assertThat(fe.statements.get(0)).isEqualTo(FeSql.addComputeNodes(nodes(2), Optional.empty()));
  }

  @Test
  void anFeThatContradictsItsListingIsReportedNotLoopedOn() {
    FeOps liar =
        new FeOps() {
          int adds;

          @Override
          public Optional<String> alter(String purpose, String sql, FeErrors.Kind outcome) {
            adds++;
            return Optional.of("Compute node already exists with same host 10.0.0.9 and port 9050");
          }

          @Override
          public List<ComputeNode> computeNodes(String purpose) {
            return List.of();
          }
        };
    Registrar r = new Registrar(liar, 100, NOPLogger.NOP_LOGGER);

    assertThatThrownBy(() -> r.add(nodes(1), Optional.empty()))
        .isInstanceOf(FrontendException.class)
        .hasMessageContaining("add compute nodes [g-cn-0.g-cn-search.ns.svc.cluster.local:9050]")
        .hasMessageContaining("keeps answering 'already exists'")
        .hasMessageContaining("register such nodes by IP");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void dropRetriesWhatIsStillListedAfterDoesNotExist(boolean prechecks) {
    fe.dropPrechecks = prechecks;
    List<HostPort> all = nodes(5);
    List.of(0, 1, 3, 4).forEach(i -> fe.nodes.put(all.get(i), "default_warehouse"));

    DropResult r = registrar(100).drop(all, Optional.empty());

    assertThat(r.dropped()).containsExactly(all.get(0), all.get(1), all.get(3), all.get(4));
    assertThat(r.alreadyAbsent()).containsExactly(all.get(2));
    assertThat(fe.nodes).isEmpty();
    assertThat(fe.count("ALTER SYSTEM DROP")).isEqualTo(2);
    assertThat(fe.count("SHOW")).isEqualTo(1);
  }

  @Test
  void dropIsIdempotent() {
    DropResult r = registrar(100).drop(nodes(3), Optional.empty());

    assertThat(r.dropped()).isEmpty();
    assertThat(r.alreadyAbsent()).containsExactlyElementsOf(nodes(3));
  }

  @Test
  void dropFromWarehouseTreatsANodeOfAnotherWarehouseAsAbsent() {
    fe.sharedData = true;
    List<HostPort> all = nodes(3);
    fe.nodes.put(all.get(0), "wh1");
    fe.nodes.put(all.get(1), "other");
    fe.nodes.put(all.get(2), "wh1");

    DropResult r = registrar(100).drop(all, Optional.of("wh1"));

    assertThat(r.dropped()).containsExactly(all.get(0), all.get(2));
    assertThat(r.alreadyAbsent()).containsExactly(all.get(1));
    assertThat(fe.nodes).containsOnlyKeys(all.get(1));
  }

  @Test
  void addIntoWarehouseNamesItInTheStatement() {
    registrar(100).add(nodes(1), Optional.of("wh1"));

    assertThat(fe.statements.get(0)).endsWith(" INTO WAREHOUSE `wh1`");
    assertThat(fe.nodes).containsValue("wh1");
  }

  @Test
  void describeAbbreviatesLongLists() {
    assertThat(Registrar.describe(nodes(5)))
        .isEqualTo(
            "[g-cn-0.g-cn-search.ns.svc.cluster.local:9050, g-cn-1.g-cn-search.ns.svc.cluster.local:9050,"
                + " g-cn-2.g-cn-search.ns.svc.cluster.local:9050, +2 more]");
  }

  @Test
  void dropWithoutWarehouseOnA33FeNamesTheWarehouseOfTheNode() {
    fe.sharedData = true;
    fe.dropDefaultsToDefaultWarehouse = true;
    fe.nodes.put(nodes(1).get(0), "wh2");

    assertThatThrownBy(() -> registrar(100).drop(nodes(1), Optional.empty()))
        .isInstanceOf(FrontendException.class)
        .hasMessageContaining("is registered in warehouse 'wh2'")
        .hasMessageContaining("use drop(nodes, warehouse)");
    assertThat(fe.count("ALTER SYSTEM DROP")).isEqualTo(1);
    assertThat(registrar(100).drop(nodes(1), Optional.of("wh2")).dropped()).hasSize(1);
  }
}
