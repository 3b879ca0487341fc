package io.github.understudy.spring.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.event.NodeDown;
import io.github.understudy.event.NodeUp;
import io.github.understudy.event.ReplicaLagging;
import io.github.understudy.event.TopologyChanged;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventDescriptorTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:15:30Z");
    private static final HostAndPort DB2 = HostAndPort.parse("db2:3306");

    @Test
    void describesEveryFieldButTheDataSourceName() {
        EventDescriptor down = EventDescriptor.of(new NodeDown("orders", AT, DB2, "refused"));
        assertThat(down).isEqualTo(new EventDescriptor("NodeDown", "2026-03-01T10:15:30Z",
                Map.of("node", "db2:3306", "reason", "refused")));
        EventDescriptor lagging = EventDescriptor.of(new ReplicaLagging("orders", AT, DB2, null, Duration.ofSeconds(5),
                "replication stopped"));
        assertThat(lagging.details()).containsExactly(Map.entry("node", "db2:3306"), Map.entry("maxLag", "PT5S"),
                Map.entry("reason", "replication stopped"));
    }

    @Test
    void showsTopologiesAsTheirSummary() {
        TopologySnapshot before = TopologySnapshot.of(1, List.of(master(NodeState.UP)), AT);
        TopologySnapshot after = TopologySnapshot.of(2, List.of(master(NodeState.DOWN)), AT);
        EventDescriptor changed = EventDescriptor.of(new TopologyChanged("orders", AT, before, after));
        assertThat(changed.details()).containsEntry("previous", before.describe())
                .containsEntry("current", after.describe());
    }

    @Test
    void logKeepsTheLastEventsOfEachDataSourceNewestFirst() {
        UnderstudyEventLog log = new UnderstudyEventLog(2);
        NodeUp first = new NodeUp("orders", AT, DB2);
        NodeUp second = new NodeUp("orders", AT.plusSeconds(1), DB2);
        NodeUp other = new NodeUp("billing", AT.plusSeconds(2), DB2);
        NodeUp third = new NodeUp("orders", AT.plusSeconds(3), DB2);
        List.of(first, second, other, third).forEach(log::onEvent);
        assertThat(log.recent("orders")).containsExactly(third);
        assertThat(log.recent("billing")).containsExactly(other);
        assertThatIllegalArgumentException().isThrownBy(() -> new UnderstudyEventLog(-1))
                .withMessage("understudy.endpoint.recent-events must be >= 0, but was -1");
    }

    private static NodeStatus master(NodeState state) {
        return new NodeStatus(HostAndPort.parse("db1:3306"), Role.MASTER, state, null, 1, "", "", AT);
    }
}
