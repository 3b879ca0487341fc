package io.github.understudy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopologySnapshotTest {

    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final HostAndPort M = HostAndPort.parse("127.0.0.1:4401");
    static final HostAndPort R1 = HostAndPort.parse("127.0.0.1:4402");
    static final HostAndPort R2 = HostAndPort.parse("127.0.0.1:4403");
    static final HostAndPort R3 = HostAndPort.parse("127.0.0.1:4404");

    static NodeStatus status(HostAndPort address, Role role, NodeState state, String reason) {
        return new NodeStatus(address, role, state, null, 0, "", reason, T0);
    }

    static TopologySnapshot healthyCluster() {
        return TopologySnapshot.of(3, List.of(
                status(M, Role.MASTER, NodeState.UP, ""),
                status(R1, Role.REPLICA, NodeState.UP, ""),
                status(R2, Role.REPLICA, NodeState.UP, "")), T0);
    }

    @Test
    void derivesMasterAndReplicasInConfiguredOrder() {
        TopologySnapshot snapshot = TopologySnapshot.of(1, List.of(
                status(R1, Role.REPLICA, NodeState.UP, ""),
                status(M, Role.MASTER, NodeState.UP, ""),
                status(R2, Role.REPLICA, NodeState.DOWN, "refused"),
                status(R3, Role.UNKNOWN, NodeState.DOWN, "not probed yet")), T0);

        assertThat(snapshot.master()).map(NodeStatus::address).contains(M);
        assertThat(snapshot.replicas()).extracting(NodeStatus::address).containsExactly(R1, R2);
        assertThat(snapshot.healthyReplicas()).extracting(NodeStatus::address).containsExactly(R1);
        assertThat(snapshot.nodes()).extracting(NodeStatus::address).containsExactly(R1, M, R2, R3);
    }

    @Test
    void theReplicationModeIsShownAndAMixedClusterNamesEachNode() {
        NodeStatus byGtid = replicating(R1, ReplicationMode.GTID);
        NodeStatus byPosition = replicating(R2, ReplicationMode.POSITION);
        NodeStatus master = status(M, Role.MASTER, NodeState.UP, "");

        assertThat(TopologySnapshot.of(1, List.of(master, byGtid), T0).describe()).endsWith("replication=GTID");
        assertThat(TopologySnapshot.of(1, List.of(master, byGtid, byPosition), T0).describe())
                .endsWith("replication=mixed[127.0.0.1:4402 GTID, 127.0.0.1:4403 POSITION]");
        assertThat(healthyCluster().replicationModes()).isEmpty();
    }

    private static NodeStatus replicating(HostAndPort address, ReplicationMode mode) {
        return new NodeStatus(address, Role.REPLICA, NodeState.UP, null, 2, "", "", T0, new NodeStatus.Replication(
                M.toString(), 1, mode, true, null, true, "mysql-bin.000001:900", "mysql-bin.000001:900"));
    }

    @Test
    void aFencedFormerMasterIsNotTheMaster() {
        TopologySnapshot snapshot = TopologySnapshot.of(2, List.of(
                status(M, Role.MASTER, NodeState.FENCED, "fenced"),
                status(R1, Role.MASTER, NodeState.UP, "")), T0);

        assertThat(snapshot.master()).map(NodeStatus::address).contains(R1);
    }

    @Test
    void hasNoMasterWhenNoNodeIsMaster() {
        TopologySnapshot snapshot = TopologySnapshot.of(0, List.of(status(R1, Role.REPLICA, NodeState.UP, "")), T0);

        assertThat(snapshot.master()).isEmpty();
    }

    @Test
    void findsNodeByAddress() {
        TopologySnapshot snapshot = healthyCluster();

        assertThat(snapshot.node(R1)).map(NodeStatus::role).contains(Role.REPLICA);
        assertThat(snapshot.node(R3)).isEmpty();
    }

    @Test
    void withNodeReplacesByAddressAndKeepsTheRest() {
        TopologySnapshot before = healthyCluster();
        NodeStatus down = status(R1, Role.REPLICA, NodeState.DOWN, "refused");

        TopologySnapshot after = before.withNode(down);

        assertThat(after.node(R1)).contains(down);
        assertThat(after.healthyReplicas()).extracting(NodeStatus::address).containsExactly(R2);
        assertThat(after.epoch()).isEqualTo(before.epoch());
        assertThat(after.takenAt()).isEqualTo(before.takenAt());
        assertThat(after.nodes()).extracting(NodeStatus::address).containsExactly(M, R1, R2);
        assertThat(before.node(R1)).map(NodeStatus::state).contains(NodeState.UP);
    }

    @Test
    void withNodeRejectsAnUnknownAddress() {
        assertThatThrownBy(() -> healthyCluster().withNode(status(R3, Role.REPLICA, NodeState.UP, "")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("node must be one of [")
                .hasMessageEndingWith("but was 127.0.0.1:4404");
    }

    @Test
    void withEpochChangesOnlyTheEpoch() {
        TopologySnapshot before = healthyCluster();

        TopologySnapshot after = before.withEpoch(4);

        assertThat(after.epoch()).isEqualTo(4);
        assertThat(after.nodes()).isEqualTo(before.nodes());
        assertThat(after).isNotEqualTo(before).isEqualTo(before.withEpoch(4));
        assertThat(after.hashCode()).isEqualTo(before.withEpoch(4).hashCode());
    }

    @Test
    void rejectsDuplicateAddressesAndNegativeEpochs() {
        NodeStatus node = status(R1, Role.REPLICA, NodeState.UP, "");
        assertThatThrownBy(() -> TopologySnapshot.of(0, List.of(node, node), T0))
                .hasMessage("nodes must not contain duplicates, but 127.0.0.1:4402 appears twice");
        assertThatThrownBy(() -> TopologySnapshot.of(-1, List.of(node), T0))
                .hasMessage("epoch must be >= 0, but was -1");
    }

    @Test
    void describesAHealthyCluster() {
        assertThat(healthyCluster().describe()).isEqualTo("replicas=2, healthy=2, master=127.0.0.1:4401 UP, epoch=3");
    }

    @Test
    void describesUnhealthyNodesWithTheirReasons() {
        TopologySnapshot snapshot = TopologySnapshot.of(3, List.of(
                status(M, Role.MASTER, NodeState.UP, ""),
                status(R1, Role.REPLICA, NodeState.DOWN, "refused"),
                new NodeStatus(R2, Role.REPLICA, NodeState.LAGGING, Duration.ofSeconds(31), 3, "",
                        "lag 31s > max-lag 5s", T0),
                status(R3, Role.REPLICA, NodeState.SUSPECT, "timeout after 1s")), T0);

        assertThat(snapshot.describe()).isEqualTo("replicas=3, healthy=0, down=[127.0.0.1:4402 refused], "
                + "lagging=[127.0.0.1:4403 lag 31s > max-lag 5s], suspect=[127.0.0.1:4404 timeout after 1s], "
                + "master=127.0.0.1:4401 UP, epoch=3");
    }

    @Test
    void describesAMissingOrFailingMaster() {
        TopologySnapshot noMaster = TopologySnapshot.of(0, List.of(
                status(M, Role.UNKNOWN, NodeState.DOWN, "not probed yet"),
                status(R1, Role.REPLICA, NodeState.UP, "")), T0);
        TopologySnapshot suspectMaster =
                healthyCluster().withNode(status(M, Role.MASTER, NodeState.SUSPECT, "refused"));

        assertThat(noMaster.describe())
                .isEqualTo("replicas=1, healthy=1, down=[127.0.0.1:4401 not probed yet], master=none, epoch=0");
        assertThat(suspectMaster.describe())
                .isEqualTo("replicas=2, healthy=2, master=127.0.0.1:4401 SUSPECT refused, epoch=3");
    }

    @Test
    void listsFencedNodes() {
        TopologySnapshot snapshot = healthyCluster().withNode(status(M, Role.REPLICA, NodeState.FENCED, ""));

        assertThat(snapshot.describe())
                .isEqualTo("replicas=3, healthy=2, fenced=[127.0.0.1:4401], master=none, epoch=3");
    }

    @Test
    void toStringHasTheSummaryAndTime() {
        assertThat(healthyCluster()).hasToString("TopologySnapshot{replicas=2, healthy=2, "
                + "master=127.0.0.1:4401 UP, epoch=3, takenAt=2026-01-01T00:00:00Z}");
    }

    @Test
    void nodeStatusIsReadableOnlyWhenUp() {
        for (NodeState state : NodeState.values()) {
            assertThat(status(R1, Role.REPLICA, state, "").readable()).isEqualTo(state == NodeState.UP);
        }
    }

    @Test
    void nodeStatusRejectsNullsAndNegativeServerIds() {
        assertThatThrownBy(() -> new NodeStatus(R1, Role.REPLICA, null, null, 0, "", "", T0))
                .isInstanceOf(NullPointerException.class).hasMessage("state must not be null");
        assertThatThrownBy(() -> new NodeStatus(R1, Role.REPLICA, NodeState.UP, null, -1, "", "", T0))
                .hasMessage("serverId must be >= 0, but was -1");
    }
}
