package io.github.understudy.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import io.github.understudy.RepointResult;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    void failoverEventsCopyTheirCollectionsAndRefuseNulls() {
        List<HostAndPort> candidates = new ArrayList<>(List.of(NODE));
        Map<HostAndPort, RepointResult> results = new LinkedHashMap<>(Map.of(NODE, RepointResult.REPLICATING));
        FailoverStarted started = new FailoverStarted("orders", AT, NODE, candidates, "most-advanced-replica");
        ReplicasRepointed repointed = new ReplicasRepointed("orders", AT, NODE, results, Duration.ZERO);

        candidates.clear();
        results.clear();

        assertThat(started.candidates()).containsExactly(NODE);
        assertThat(repointed.results()).containsKey(NODE);
        assertThatThrownBy(() -> repointed.results().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> new MasterPromoted("orders", AT, NODE, NODE, 1, null, Duration.ZERO, Duration.ZERO,
                false)).isInstanceOf(NullPointerException.class).hasMessage("rejected must not be null");
        assertThatThrownBy(() -> new RejoinRefused("orders", AT, NODE, "why", null))
                .isInstanceOf(NullPointerException.class).hasMessage("errantGtids must not be null");
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
