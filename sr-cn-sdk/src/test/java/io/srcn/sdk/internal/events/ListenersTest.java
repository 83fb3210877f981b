package io.srcn.sdk.internal.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.srcn.sdk.GroupEvent;
import io.srcn.sdk.GroupEventListener;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class ListenersTest {
  private static final GroupEvent E =
      GroupEvents.nodeDropped("ns", "g", List.of("a:9050"), Instant.EPOCH);

  @Test
  void aThrowingListenerDoesNotStopTheOthers() {
    Listeners listeners = new Listeners();
    List<String> seen = new CopyOnWriteArrayList<>();
    listeners.add(e -> seen.add("first " + e.reason()));
    listeners.add(
        e -> {
          throw new IllegalStateException("listener bug");
        });
    listeners.add(e -> seen.add("third " + e.reason()));
    listeners.deliver(E);
    assertThat(seen).containsExactly("first NodeDropped", "third NodeDropped");
  }

  @Test
  void aRemovedListenerIsNotCalledAndAListenerMayRemoveItselfWhileCalled() {
    Listeners listeners = new Listeners();
    List<String> seen = new CopyOnWriteArrayList<>();
    GroupEventListener once =
        new GroupEventListener() {
          @Override
          public void onEvent(GroupEvent e) {
            seen.add("once");
            listeners.remove(this);
          }
        };
    GroupEventListener always = e -> seen.add("always");
    listeners.add(once);
    listeners.add(always);
    listeners.deliver(E);
    listeners.deliver(E);
    listeners.remove(always);
    listeners.deliver(E);
    assertThat(seen).containsExactly("once", "always", "always");
  }
}
