package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.UnderstudyEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnderstudyListenerTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final HostAndPort NODE = HostAndPort.parse("db1:3306");

    @Test
    void onCallsTheActionOnlyForEventsOfThatType() {
        List<NodeDown> seen = new ArrayList<>();
        UnderstudyListener listener = UnderstudyListener.on(NodeDown.class, seen::add);
        NodeDown down = new NodeDown("orders", AT, NODE, "refused");

        listener.onEvent(new NodeUp("orders", AT, NODE));
        listener.onEvent(down);

        assertThat(seen).containsExactly(down);
    }

    @Test
    void onTheSealedInterfaceMatchesEverything() {
        List<UnderstudyEvent> seen = new ArrayList<>();
        UnderstudyListener listener = UnderstudyListener.on(UnderstudyEvent.class, seen::add);

        listener.onEvent(new NodeUp("orders", AT, NODE));
        listener.onEvent(new NodeDown("orders", AT, NODE, "refused"));

        assertThat(seen).hasSize(2);
    }

    @Test
    void typedListenerSaysWhatItListensTo() {
        assertThat(UnderstudyListener.on(NodeDown.class, e -> { }).toString()).startsWith("on(NodeDown, ");
    }
}
