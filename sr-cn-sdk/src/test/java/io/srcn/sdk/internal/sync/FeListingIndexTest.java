package io.srcn.sdk.internal.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.fe.HostPort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The planner looks only at the nodes its listing index names; this checks that it owns exactly
 * what a scan of every listed node owns, on random listings mixing groups, namespaces, case, IPs,
 * foreign hosts, duplicates and ledger entries.
 */
class FeListingIndexTest {
  private static final String[] GROUPS = {"g", "g1", "g-cn", "gg", "other"};
  private static final String[] NAMESPACES = {"ns", "ns2"};

  @Test
  void ownsExactlyWhatAScanOfEveryNodeOwns() {
    Random random = new Random(19);
    for (int round = 0; round < 500; round++) {
      List<FeNode> listing = randomListing(random);
      for (String group : GROUPS) {
        for (boolean ipMode : new boolean[] {false, true}) {
          GroupIdentity id = new GroupIdentity("ns", group, "cluster.local", ipMode);
          Map<HostPort, String> ledger = randomLedger(random, group);
          RegistrationPlan plan =
              RegistrationPlanner.plan(id, 3, List.of(), listing, ledger, false);
          assertThat(plan.owned())
              .as("round %d, group %s, ip mode %s, listing %s", round, group, ipMode, listing)
              .isEqualTo(scan(id, listing, ledger));
        }
      }
    }
  }

  @Test
  void aListingExtendedByAddsAnswersAsAFreshOne() {
    Random random = new Random(6);
    for (int round = 0; round < 8; round++) {
      FeListing listing = FeListing.of(randomListing(random));
      listing.index();
      List<FeNode> flat = new ArrayList<>(listing);
      for (int add = 0; add < 80; add++) { // more than one flattening of the chain
        List<FeNode> more = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
          more.add(FeNode.justAdded(randomAddress(random), Optional.empty()));
        }
        FeListing appended = listing.plus(more);
        flat.addAll(more);
        assertThat(appended).isEqualTo(flat).hasSize(flat.size());
        for (int i = 0; i < flat.size(); i++) {
          assertThat(appended.get(i)).isSameAs(flat.get(i));
        }
        FeListingIndex chained = FeListingIndex.of(appended);
        FeListingIndex fresh = FeListingIndex.of(new ArrayList<>(flat));
        assertThat(chained.nodes()).isSameAs(appended);
        assertThat(chained.anyIp()).isEqualTo(fresh.anyIp());
        for (FeNode n : flat) {
          HostPort a = RegistrationPlanner.normalize(n.address());
          assertThat(chained.listed().get(a)).isEqualTo(fresh.listed().get(a));
          assertThat(chained.positionsOf(a)).isEqualTo(fresh.positionsOf(a));
        }
        assertThat(chained.listed()).isEqualTo(fresh.listed());
        for (String group : GROUPS) {
          GroupIdentity id = new GroupIdentity("ns", group, "cluster.local", false);
          assertThat(chained.withFqdnSuffix(id.fqdnSuffix()))
              .isEqualTo(fresh.withFqdnSuffix(id.fqdnSuffix()));
          assertThat(RegistrationPlanner.plan(id, 3, List.of(), appended, Map.of(), false).owned())
              .isEqualTo(scan(id, flat, Map.of()));
        }
        listing = appended;
      }
    }
  }

  @Test
  void aListingKeepsItsIndexAndAnyOtherListIsIndexedAfresh() {
    List<FeNode> nodes = randomListing(new Random(1));
    FeListing listing = FeListing.of(nodes);
    assertThat(FeListingIndex.of(listing)).isSameAs(FeListingIndex.of(listing));
    assertThat(listing.plus(List.of())).isSameAs(listing);
    // an equal listing is another listing: nothing is shared between listings (no static cache)
    assertThat(FeListingIndex.of(FeListing.of(nodes))).isNotSameAs(FeListingIndex.of(listing));
    FeListingIndex plain = FeListingIndex.of(nodes);
    assertThat(plain).isNotSameAs(FeListingIndex.of(nodes));
    assertThat(plain.listed()).isEqualTo(FeListingIndex.of(listing).listed());
  }

  @Test
  void aListingIsImmutable() {
    FeListing listing = FeListing.of(randomListing(new Random(3)));
    FeNode node = FeNode.justAdded(HostPort.of("10.0.0.9", 9050), Optional.empty());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> listing.add(node))
        .isInstanceOf(UnsupportedOperationException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> listing.plus(List.of(node)).remove(0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** The planner's ownership rule applied to every listed node (what it did before the index). */
  private static List<OwnedNode> scan(
      GroupIdentity id, List<FeNode> listing, Map<HostPort, String> ledger) {
    Map<HostPort, String> normalized = new HashMap<>();
    ledger.forEach((k, v) -> normalized.put(RegistrationPlanner.normalize(k), v));
    List<OwnedNode> owned = new ArrayList<>();
    for (FeNode node : listing) {
      String pod = normalized.get(RegistrationPlanner.normalize(node.address()));
      OptionalInt fromLedger =
          pod == null ? OptionalInt.empty() : io.srcn.sdk.naming.Names.ordinal(id.group(), pod);
      OptionalInt ordinal =
          fromLedger.isPresent() || id.ipMode()
              ? fromLedger
              : id.ordinalOfFqdn(node.address().host());
      ordinal.ifPresent(o -> owned.add(new OwnedNode(node, o)));
    }
    owned.sort(Comparator.comparingInt(OwnedNode::ordinal));
    return owned;
  }

  private static List<FeNode> randomListing(Random random) {
    List<FeNode> listing = new ArrayList<>();
    int n = random.nextInt(12);
    for (int i = 0; i < n; i++) {
      listing.add(
          new FeNode(
              randomAddress(random),
              random.nextBoolean(),
              Optional.of("OK"),
              "",
              Optional.empty(),
              Optional.empty()));
    }
    if (!listing.isEmpty() && random.nextInt(4) == 0) {
      listing.add(listing.get(random.nextInt(listing.size()))); // a duplicate row
    }
    return listing;
  }

  private static HostPort randomAddress(Random random) {
    int ordinal = random.nextInt(4);
    String group = GROUPS[random.nextInt(GROUPS.length)];
    String ns = NAMESPACES[random.nextInt(NAMESPACES.length)];
    int port = random.nextInt(5) == 0 ? 9060 : 9050;
    switch (random.nextInt(5)) {
      case 0:
        return HostPort.of("10.0." + random.nextInt(2) + "." + random.nextInt(4), port);
      case 1:
        return HostPort.of("cn" + ordinal + ".example.com", port);
      case 2:
        String upper = group + "-cn-" + ordinal + "." + group + "-cn-search." + ns;
        return HostPort.of(upper.toUpperCase(Locale.ROOT) + ".svc.cluster.local", port);
      default:
        return HostPort.of(
            group + "-cn-" + ordinal + "." + group + "-cn-search." + ns + ".svc.cluster.local",
            port);
    }
  }

  private static Map<HostPort, String> randomLedger(Random random, String group) {
    Map<HostPort, String> ledger = new LinkedHashMap<>();
    int n = random.nextInt(3);
    for (int i = 0; i < n; i++) {
      String pod = (random.nextBoolean() ? group : "other") + "-cn-" + random.nextInt(4);
      ledger.put(HostPort.of("10.0." + random.nextInt(2) + "." + random.nextInt(4), 9050), pod);
    }
    return ledger;
  }
}
