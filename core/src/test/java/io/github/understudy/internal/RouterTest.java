package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.understudy.HostAndPort;
import io.github.understudy.NoAvailableNodeException;
import io.github.understudy.NodeState;
import io.github.understudy.NodeStatus;
import io.github.understudy.ReplicaSelector;
import io.github.understudy.Role;
import io.github.understudy.TopologySnapshot;
import io.github.understudy.UnderstudyMetrics;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Routing decisions with mocked pools: next replica, circuit breaker, fallback, typed errors. No servers. */
class RouterTest {

    private final HealthMonitor monitor = mock(HealthMonitor.class);
    private final Node master = node("m:1", Role.MASTER);
    private final Node broken = node("r:1", Role.REPLICA);
    private final Node healthy = node("r:2", Role.REPLICA);

    private static Node node(String address, Role role) {
        return node(address, role, Duration.ofHours(1));
    }

    private static Node node(String address, Role role, Duration openWait) {
        HostAndPort hostAndPort = HostAndPort.parse(address.replace("m:", "master:").replace("r:", "replica" + address.charAt(2) + ":"));
        CircuitBreaker breaker = new CircuitBreaker(address, new CircuitBreaker.Settings(20, 5, 50, openWait, 2),
                Clock.systemUTC(), state -> { });
        Node node = new Node(hostAndPort, mock(NodeHealth.class), breaker, mock(NodeProbe.class));
        node.openPool(mock(HikariDataSource.class), role == Role.REPLICA);
        return node;
    }

    private void table(Node masterNode, List<Node> replicas) {
        List<NodeStatus> statuses = List.of(status(master, Role.MASTER), status(broken, Role.REPLICA),
                status(healthy, Role.REPLICA));
        TopologySnapshot snapshot = TopologySnapshot.of(0, statuses, Instant.EPOCH);
        when(monitor.table()).thenReturn(new RoutingTable(snapshot, masterNode, replicas, masterNode == null ? "none" : ""));
    }

    private static NodeStatus status(Node node, Role role) {
        return new NodeStatus(node.address(), role, NodeState.UP, null, 1, "", "", Instant.EPOCH);
    }

    private Router router(boolean fallback) {
        return new Router("test", monitor, ReplicaSelector.roundRobin(), fallback, Duration.ZERO, UnderstudyMetrics.noop());
    }

    private static SQLException connectFailure() {
        return new SQLException("pool timeout", "08001", new SQLException("Communications link failure", "08S01"));
    }

    @Test
    void anOpenBreakerLetsATrialRequestThroughOnceItsWaitIsOver() throws SQLException {
        Node recoveredMaster = node("m:1", Role.MASTER, Duration.ofMillis(1));
        Node recoveredReplica = node("r:3", Role.REPLICA, Duration.ofMillis(1));
        table(recoveredMaster, List.of(recoveredReplica));
        when(recoveredMaster.pool().getConnection()).thenReturn(mock(Connection.class));
        when(recoveredReplica.pool().getConnection()).thenReturn(mock(Connection.class));
        recoveredMaster.breaker().transitionToOpenState();
        recoveredReplica.breaker().transitionToOpenState();
        Router router = router(true);

        // Routing skips a node while its breaker is open; nothing else would ever move the breaker on.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).ignoreExceptions().untilAsserted(() -> {
            assertThat(router.read(List.of()).node()).isSameAs(recoveredReplica);
            assertThat(router.write().node()).isSameAs(recoveredMaster);
        });
        assertThat(recoveredReplica.breaker().getState()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void aReadThatCannotGetAConnectionTriesTheNextReplica() throws SQLException {
        table(master, List.of(broken, healthy));
        when(broken.pool().getConnection()).thenThrow(connectFailure());
        when(healthy.pool().getConnection()).thenReturn(mock(Connection.class));

        Router router = router(true);
        for (int i = 0; i < 4; i++) {
            assertThat(router.read(List.of()).node()).isSameAs(healthy);
        }
        verify(monitor, times(2)).requestFailed(broken, "Communications link failure"); // round-robin: every other
        verify(healthy.pool(), times(4)).getConnection();
    }

    @Test
    void theCircuitBreakerKeepsReadsOffANodeThatKeepsFailing() throws SQLException {
        table(master, List.of(broken, healthy));
        when(broken.pool().getConnection()).thenThrow(connectFailure());
        when(healthy.pool().getConnection()).thenReturn(mock(Connection.class));
        Router router = router(true);

        for (int i = 0; i < 40; i++) {
            assertThat(router.read(List.of()).node()).isSameAs(healthy);
        }

        assertThat(broken.breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);
        verify(broken.pool(), times(5)).getConnection(); // then never again while the breaker is open
    }

    @Test
    void withNoReplicaReadsFallBackToTheMasterOrFailTyped() throws SQLException {
        table(master, List.of());
        when(master.pool().getConnection()).thenReturn(mock(Connection.class));

        assertThat(router(true).read(List.of()).master()).isTrue();
        assertThatThrownBy(() -> router(false).read(List.of())).isInstanceOf(NoAvailableNodeException.class)
                .hasMessageContaining("no healthy replica for read (readFallbackToMaster=false)");
    }

    @Test
    void aPoolTimeoutWithoutCauseIsLoadAndDoesNotMakeTheNodeSuspect() throws SQLException {
        table(master, List.of(broken, healthy));
        when(broken.pool().getConnection()).thenThrow(new SQLException("pool timeout", "08001"));
        when(healthy.pool().getConnection()).thenReturn(mock(Connection.class));

        router(true).read(List.of());
        router(true).read(List.of());

        verify(monitor, never()).requestFailed(any(Node.class), anyString());
    }

    @Test
    void writesWithNoMasterFailWith08001AndTheReason() {
        table(null, List.of(healthy));

        assertThatThrownBy(() -> router(true).write()).isInstanceOf(NoAvailableNodeException.class)
                .hasMessageContaining("no master for write within 0ms (masterWaitTimeout): none")
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
    }

    @Test
    void aNodeThatRefusesTheConfigurationFailsTheRequestAtOnceWithTheServersError() throws SQLException {
        table(master, List.of(broken, healthy));
        SQLException denied = new SQLException("Access denied for user 'app'@'10.0.0.9' (using password: YES)",
                "28000", 1045);
        SQLException unknown = new SQLException("Unknown database 'shop'", "42000", 1049);
        // As HikariCP 7 reports it: its own timeout, with the driver's SQLState and code, and the driver's error.
        when(master.pool().getConnection()).thenThrow(new SQLTransientConnectionException("pool timeout", "28000",
                1045, denied));
        when(broken.pool().getConnection()).thenThrow(new SQLTransientConnectionException("pool timeout", "42000",
                unknown));
        when(healthy.pool().getConnection()).thenReturn(mock(Connection.class));
        Router router = new Router("test", monitor, ReplicaSelector.roundRobin(), true, Duration.ofSeconds(5),
                UnderstudyMetrics.noop());

        assertThatThrownBy(router::write).isInstanceOf(SQLInvalidAuthorizationSpecException.class)
                .hasMessage("test - " + master.address() + " refused the connection: Access denied for user 'app'@'10.0.0.9' "
                        + "(using password: YES) (check the username and password settings)")
                .hasCause(denied).satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(1045))
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
        assertThatThrownBy(() -> router.read(List.of())).isInstanceOf(SQLSyntaxErrorException.class)
                .hasMessageContaining("check the database setting").hasCause(unknown);

        verify(master.pool(), times(1)).getConnection(); // no waiting for another master
        verify(healthy.pool(), never()).getConnection();
        verify(monitor, never()).requestFailed(any(Node.class), anyString());
        assertThat(master.breaker().failedCalls()).isZero();
    }

    @Test
    void aReadWhoseMasterFallbackFailedSaysSo() throws SQLException {
        table(master, List.of(broken));
        when(broken.pool().getConnection()).thenThrow(connectFailure());
        when(master.pool().getConnection()).thenThrow(connectFailure());

        assertThatThrownBy(() -> router(true).read(List.of())).isInstanceOf(NoAvailableNodeException.class)
                .hasMessageContaining("no healthy replica for read and the master " + master.address()
                        + " did not give a connection either");
    }

    @Test
    void reportsMasterWaitsTypedFailuresAndReadReRunsToTheMetrics() throws SQLException {
        List<String> seen = new java.util.ArrayList<>();
        UnderstudyMetrics metrics = new UnderstudyMetrics() {
            @Override
            public void routed(HostAndPort node, Role role, boolean write) {
                seen.add("routed " + node);
            }

            @Override
            public void masterWaited(long nanos, boolean found) {
                seen.add("masterWaited " + found);
            }

            @Override
            public void routingFailed(String sqlState) {
                seen.add("routingFailed " + sqlState);
            }

            @Override
            public void readRetried(HostAndPort failed) {
                seen.add("readRetried " + failed);
            }
        };
        Router router = new Router("test", monitor, ReplicaSelector.roundRobin(), false, Duration.ZERO, metrics);
        when(master.pool().getConnection()).thenReturn(mock(Connection.class));
        when(healthy.pool().getConnection()).thenReturn(mock(Connection.class));

        table(master, List.of(broken, healthy));
        router.write();
        router.read(List.of(broken));
        table(null, List.of());
        assertThatThrownBy(router::write).isInstanceOf(NoAvailableNodeException.class);

        assertThat(seen).containsExactly("routed " + master.address(), "masterWaited true",
                "readRetried " + broken.address(), "routed " + healthy.address(), "masterWaited false",
                "routingFailed 08001");
    }
}
