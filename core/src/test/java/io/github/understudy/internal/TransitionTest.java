package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeSuspect;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.ReplicaCaughtUp;
import io.github.understudy.event.ReplicaLagging;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TransitionTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(1);
    private static final HostAndPort NODE = HostAndPort.parse("db2:3306");
    private static final Duration MAX_LAG = Duration.ofSeconds(5);

    private static Transition move(NodeState from, NodeState to, Duration lag, String reason) {
        NodeStatus before = new NodeStatus(NODE, Role.REPLICA, from, null, 2, "", "", T0);
        NodeStatus after = new NodeStatus(NODE, Role.REPLICA, to, lag, 2, "", reason, T1);
        return new Transition(before, after, MAX_LAG);
    }

    @Test
    void announcesEachChangeWithItsEvent() {
        assertThat(move(NodeState.SUSPECT, NodeState.DOWN, null, "refused").toEvent("orders"))
                .isEqualTo(new NodeDown("orders", T1, NODE, "refused"));
        assertThat(move(NodeState.UP, NodeState.SUSPECT, null, "refused").toEvent("orders"))
                .isEqualTo(new NodeSuspect("orders", T1, NODE, "refused"));
        assertThat(move(NodeState.UP, NodeState.LAGGING, Duration.ofSeconds(31), "lag 31s > max-lag 5s")
                .toEvent("orders"))
                .isEqualTo(new ReplicaLagging("orders", T1, NODE, Duration.ofSeconds(31), MAX_LAG,
                        "lag 31s > max-lag 5s"));
    }

    @Test
    void upFromLaggingIsCaughtUpAndUpFromAnythingElseIsUp() {
        assertThat(move(NodeState.LAGGING, NodeState.UP, null, "").toEvent("orders"))
                .isEqualTo(new ReplicaCaughtUp("orders", T1, NODE));
        assertThat(move(NodeState.DOWN, NodeState.UP, null, "").toEvent("orders"))
                .isEqualTo(new NodeUp("orders", T1, NODE));
        assertThat(move(NodeState.SUSPECT, NodeState.UP, null, "").toEvent("orders"))
                .isEqualTo(new NodeUp("orders", T1, NODE));
    }

    @Test
    void fencingIsNotAHealthEvent() {
        assertThatThrownBy(() -> move(NodeState.UP, NodeState.FENCED, null, "").toEvent("orders"))
                .isInstanceOf(IllegalStateException.class);
    }
}
