package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.github.understudy.HostAndPort;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.StartupFailedException.Reason;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.UnderstudyConfig;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The start-up rules of {@link Nodes#startFailure}: which reason a routing table without a usable master gives. */
class StartupRulesTest {

    private final UnderstudyConfig config = config().build();

    @Test
    void aRoutedMasterStarts() {
        RoutingTable table = table(master("db1:3306"), status("db1:3306", Role.MASTER, NodeState.UP),
                status("db2:3306", Role.REPLICA, NodeState.UP));

        assertThat(Nodes.startFailure(config, table, "")).isEmpty();
    }

    @Test
    void noWritableNodeIsNoReachableMaster() {
        RoutingTable table = table(null, status("db1:3306", Role.UNKNOWN, NodeState.DOWN),
                status("db2:3306", Role.REPLICA, NodeState.UP));

        assertThat(Nodes.startFailure(config, table, "")).contains(Reason.NO_REACHABLE_MASTER);
    }

    @Test
    void twoWritableNodesAreSeveralMastersEvenWhenTheEpochRulesRefuse() {
        RoutingTable table = table(null, status("db1:3306", Role.MASTER, NodeState.UP),
                status("db2:3306", Role.MASTER, NodeState.SUSPECT));

        assertThat(Nodes.startFailure(config, table, "2 nodes report being writable masters"))
                .contains(Reason.SEVERAL_WRITABLE_MASTERS);
    }

    @Test
    void aRefusalOfTheEpochRulesIsAnAmbiguousMaster() {
        RoutingTable table = table(null, status("db1:3306", Role.MASTER, NodeState.UP),
                status("db2:3306", Role.REPLICA, NodeState.UP));

        assertThat(Nodes.startFailure(config, table, "db1:3306 is writable but holds no transaction"))
                .contains(Reason.AMBIGUOUS_MASTER);
    }

    @Test
    void aMasterOtherThanTheConfiguredOneIsRefused() {
        RoutingTable table = table(master("db1:3306"), status("db1:3306", Role.MASTER, NodeState.UP),
                status("db2:3306", Role.REPLICA, NodeState.UP));

        assertThat(Nodes.startFailure(config().master("db2:3306").build(), table, ""))
                .contains(Reason.MASTER_NOT_AS_CONFIGURED);
        assertThat(Nodes.startFailure(config().master("db1:3306").build(), table, "")).isEmpty();
    }

    private static UnderstudyConfig.Builder config() {
        return UnderstudyConfig.builder().hosts("db1:3306", "db2:3306").username("app").password("p")
                .adminUsername("admin").adminPassword("p");
    }

    private static Node master(String address) {
        Node node = mock(Node.class);
        when(node.address()).thenReturn(HostAndPort.parse(address));
        return node;
    }

    private static NodeStatus status(String address, Role role, NodeState state) {
        return new NodeStatus(HostAndPort.parse(address), role, state, null, 1, "", "", Instant.EPOCH);
    }

    private static RoutingTable table(Node master, NodeStatus... statuses) {
        TopologySnapshot snapshot = TopologySnapshot.of(0, List.of(statuses), Instant.EPOCH);
        return new RoutingTable(snapshot, master, List.of(), Optional.ofNullable(master).map(m -> "")
                .orElse("no master"));
    }
}
