package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.ReplicationMode;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Which replicas {@link ReplicaRepair} rejoins to the followed master: {@link ReplicaRepair#needsRepair}. */
class ReplicaRepairTest {

    private static final Instant NOW = Instant.parse("2026-12-05T00:00:00Z");

    private final NodeStatus master = node("db1:3306", 1, Role.MASTER, NodeState.UP, null);

    @Test
    void aReadOnlyOrphanOutOfRotationIsRepaired() {
        NodeStatus orphan = node("db2:3306", 2, Role.REPLICA, NodeState.LAGGING, null);

        assertThat(ReplicaRepair.needsRepair(orphan, master, snapshot(orphan), NOW)).isTrue();
        assertThat(ReplicaRepair.needsRepair(orphan.with(NodeState.FENCED, "fenced", Instant.EPOCH), master,
                snapshot(orphan), NOW)).isTrue();
    }

    @Test
    void aHealthyReplicaIsLeftAlone() {
        NodeStatus replica = node("db2:3306", 2, Role.REPLICA, NodeState.UP, from(1));

        assertThat(ReplicaRepair.needsRepair(replica, master, snapshot(replica), NOW)).isFalse();
    }

    @Test
    void theMasterAndWritableNodesAreNotRepaired() {
        NodeStatus writable = node("db2:3306", 2, Role.MASTER, NodeState.LAGGING, null);

        assertThat(ReplicaRepair.needsRepair(master, master, snapshot(writable), NOW)).isFalse();
        assertThat(ReplicaRepair.needsRepair(writable, master, snapshot(writable), NOW)).isFalse();
    }

    @Test
    void aLaggingReplicaOfTheMasterCatchesUpOnItsOwn() {
        NodeStatus lagging = node("db2:3306", 2, Role.REPLICA, NodeState.LAGGING, from(1));

        assertThat(ReplicaRepair.needsRepair(lagging, master, snapshot(lagging), NOW)).isFalse();
    }

    @Test
    void aReplicaOfAnotherLiveNodeIsAChainAndLeftAlone() {
        NodeStatus source = node("db3:3306", 3, Role.REPLICA, NodeState.LAGGING, from(1));
        NodeStatus chained = node("db2:3306", 2, Role.REPLICA, NodeState.LAGGING, from(3));

        assertThat(ReplicaRepair.needsRepair(chained, master, snapshot(chained, source), NOW)).isFalse();
    }

    @Test
    void aReplicaOfAGoneSourceIsRepaired() {
        NodeStatus deadSource = node("db3:3306", 3, Role.UNKNOWN, NodeState.DOWN, null);
        NodeStatus fencedSource = node("db3:3306", 3, Role.MASTER, NodeState.FENCED, null);
        NodeStatus orphan = node("db2:3306", 2, Role.REPLICA, NodeState.LAGGING, from(3));

        assertThat(ReplicaRepair.needsRepair(orphan, master, snapshot(orphan, deadSource), NOW)).isTrue();
        assertThat(ReplicaRepair.needsRepair(orphan, master, snapshot(orphan, fencedSource), NOW)).isTrue();
        assertThat(ReplicaRepair.needsRepair(orphan, master, snapshot(orphan), NOW))
                .as("a source that is no configured node").isTrue();
    }

    @Test
    void aReceiverThatNeverReachedItsSourceIsGivenTimeToConnect() {
        Instant lost = NOW.minus(ReplicaRepair.UNKNOWN_SOURCE_PATIENCE);
        NodeStatus connecting = node("db2:3306", 2, Role.REPLICA, NodeState.LAGGING, unreached(lost.plusMillis(1)));
        NodeStatus orphan = node("db2:3306", 2, Role.REPLICA, NodeState.LAGGING, unreached(lost));

        assertThat(ReplicaRepair.needsRepair(connecting, master, snapshot(connecting), NOW))
                .as("maybe an operator's new chain, still connecting").isFalse();
        assertThat(ReplicaRepair.needsRepair(orphan, master, snapshot(orphan), NOW)).isTrue();
    }

    private static NodeStatus.Replication from(long sourceServerId) {
        return new NodeStatus.Replication("src:3306", sourceServerId, ReplicationMode.GTID, true, null, true, "",
                "");
    }

    /** A receiver trying to reach a source whose server_id it never learned, since {@code lostAt}. */
    private static NodeStatus.Replication unreached(Instant lostAt) {
        return new NodeStatus.Replication("src:3306", 0, ReplicationMode.GTID, false, lostAt, true, "", "");
    }

    private static NodeStatus node(String address, long serverId, Role role, NodeState state,
                                   NodeStatus.Replication replication) {
        return new NodeStatus(HostAndPort.parse(address), role, state, null, serverId, "", "", Instant.EPOCH,
                replication);
    }

    private TopologySnapshot snapshot(NodeStatus... others) {
        List<NodeStatus> nodes = new java.util.ArrayList<>(List.of(master));
        nodes.addAll(List.of(others));
        return TopologySnapshot.of(3, nodes, Instant.EPOCH);
    }
}
