package io.github.understudy.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventsTest {

    private static final Instant AT = Instant.parse("2026-01-01T00:00:00Z");
    private static final HostAndPort NODE = HostAndPort.parse("db1:3306");

    @Test
    void everyEventHasItsSourceAndTime() {
        UnderstudyEvent event = new ReplicaLagging("orders", AT, NODE, null, Duration.ofSeconds(5), "stopped");

        assertThat(event.dataSourceName()).isEqualTo("orders");
        assertThat(event.at()).isEqualTo(AT);
    }

    @Test
    void lagMayBeUnknownButNothingElseMayBeNull() {
        assertThat(new ReplicaLagging("orders", AT, NODE, null, Duration.ofSeconds(5), "stopped").lag()).isNull();
        assertThatThrownBy(() -> new NodeDown("orders", AT, null, "refused"))
                .isInstanceOf(NullPointerException.class).hasMessage("node must not be null");
        assertThatThrownBy(() -> new NodeSuspect("orders", AT, NODE, null))
                .isInstanceOf(NullPointerException.class).hasMessage("reason must not be null");
        assertThatThrownBy(() -> new ReplicaCaughtUp(null, AT, NODE))
                .isInstanceOf(NullPointerException.class).hasMessage("dataSourceName must not be null");
        assertThatThrownBy(() -> new TopologyChanged("orders", AT, null, null))
                .isInstanceOf(NullPointerException.class).hasMessage("previous must not be null");
    }

    @Test
    void theEventTypesAreAClosedSet() {
        assertThat(UnderstudyEvent.class.isSealed()).isTrue();
        assertThat(UnderstudyEvent.class.getPermittedSubclasses()).containsExactlyInAnyOrder(NodeDown.class,
                NodeUp.class, NodeSuspect.class, ReplicaLagging.class, ReplicaCaughtUp.class, TopologyChanged.class,
                MasterFailureDiagnosed.class, FailoverStarted.class, MasterPromoted.class, ReplicasRepointed.class,
                FailoverFailed.class, FailoverHeldBack.class, NodeFenced.class, NodeRejoined.class, RejoinRefused.class,
                MasterRestored.class);
    }
}
