package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import io.github.understudy.InvalidSettingException;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class DistinctServersTest {

    private static NodeStatus node(String address, long serverId) {
        return new NodeStatus(HostAndPort.parse(address), Role.REPLICA, NodeState.UP, null, serverId, "", "",
                Instant.EPOCH);
    }

    @Test
    void twoHostsThatAreOneServerAreRefusedNamingBoth() {
        TopologySnapshot snapshot = TopologySnapshot.of(0, List.of(node("127.0.0.1:3306", 1),
                node("db2:3306", 2), node("localhost:3306", 1)), Instant.EPOCH);

        assertThatThrownBy(() -> DistinctServers.check(snapshot)).isInstanceOf(InvalidSettingException.class)
                .hasMessage("hosts must be distinct servers, but was [127.0.0.1:3306, db2:3306, localhost:3306]: "
                        + "127.0.0.1:3306 and localhost:3306 are the same server (server_id 1)");
    }

    @Test
    void unreachableHostsAreNotCompared() {
        TopologySnapshot snapshot = TopologySnapshot.of(0, List.of(node("db1:3306", 0), node("db2:3306", 0),
                node("db3:3306", 3)), Instant.EPOCH);

        assertThatCode(() -> DistinctServers.check(snapshot)).doesNotThrowAnyException();
    }

    @Test
    void twoHostsThatAreOneServerExplainAnyOtherStartFailure() {
        TopologySnapshot snapshot = TopologySnapshot.of(0, List.of(node("127.0.0.1:3306", 1),
                node("localhost:3306", 1)), Instant.EPOCH);
        IllegalStateException twoMasters = new IllegalStateException("2 nodes report being writable masters");

        assertThat(DistinctServers.rootCause(snapshot, twoMasters)).isInstanceOf(InvalidSettingException.class)
                .hasSuppressedException(twoMasters);
        assertThat(DistinctServers.rootCause(TopologySnapshot.of(0, List.of(node("db1:3306", 1)), Instant.EPOCH),
                twoMasters)).isSameAs(twoMasters);
    }
}
