package io.github.understudy.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.ReplicasRepointed;
import io.github.understudy.event.TopologyChanged;

import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class UnderstudyEventMetersTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final HostAndPort DB1 = HostAndPort.parse("db1:3306");
    private static final HostAndPort DB2 = HostAndPort.parse("db2:3306");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final UnderstudyEventMeters meters = new UnderstudyEventMeters(registry);

    @Test
    void countsEachPromotionOnceAndTimesItsPhases() {
        meters.onEvent(new MasterPromoted("orders", AT, DB1, DB2, 1, List.of(), Duration.ofMillis(900),
                Duration.ofMillis(200), false));
        meters.onEvent(new TopologyChanged("orders", AT, topology(0, DB1), topology(1, DB2)));
        meters.onEvent(new ReplicasRepointed("orders", AT, DB2, Map.of(), Duration.ofMillis(50)));

        assertThat(registry.get("understudy.failovers").tag("datasource", "orders").tag("kind", "failover").counter()
                .count()).isEqualTo(1);
        assertThat(phase("detection").count()).isEqualTo(1);
        assertThat(phase("detection").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(900);
        assertThat(phase("promotion").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(200);
        assertThat(phase("repointing").totalTime(TimeUnit.MILLISECONDS)).isEqualTo(50);
        assertThat(registry.get("understudy.events").tag("type", "TopologyChanged").counter().count()).isEqualTo(1);
    }

    @Test
    void aSwitchoverCountsButHasNoDetectionPhase() {
        meters.onEvent(new MasterPromoted("orders", AT, DB1, DB2, 2, List.of(), Duration.ZERO,
                Duration.ofMillis(400), true));

        assertThat(registry.get("understudy.failovers").tag("kind", "switchover").counter().count()).isEqualTo(1);
        assertThat(registry.find("understudy.failover.phase").tag("phase", "detection").timer()).isNull();
        assertThat(phase("promotion").count()).isEqualTo(1);
    }

    private Timer phase(String phase) {
        return registry.get("understudy.failover.phase").tag("datasource", "orders").tag("phase", phase).timer();
    }

    private static TopologySnapshot topology(long epoch, HostAndPort master) {
        return TopologySnapshot.of(epoch, List.of(new NodeStatus(master, Role.MASTER, NodeState.UP, null, 1, "", "",
                AT)), AT);
    }
}
