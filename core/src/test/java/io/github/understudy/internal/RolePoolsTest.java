package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.understudy.HostAndPort;
import io.github.understudy.UnderstudyConfig;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;

/** What a change of master does to the two nodes' pools, with mocked pools. No servers. */
class RolePoolsTest {

    private final UnderstudyConfig config = UnderstudyConfig.builder().hosts("db1:3306", "db2:3306").username("app")
            .password("").adminUsername("admin").adminPassword("").build();
    private final ConnectionFactory connections = mock(ConnectionFactory.class);
    private final RolePools pools = new RolePools(config, connections, mock(HealthMonitor.class), false);

    private static Node node(String address) {
        return new Node(HostAndPort.parse(address), mock(NodeHealth.class), new CircuitBreaker(address,
                CircuitBreaker.Settings.following(Duration.ofMillis(500)), Clock.systemUTC(), state -> { }),
                mock(NodeProbe.class));
    }

    @Test
    void theFormerMastersBorrowedConnectionsAreAbortedEvenWhenNoPoolCanBeOpened() throws Exception {
        Node former = node("db1:3306");
        Node promoted = node("db2:3306");
        HikariDataSource formerPool = mock(HikariDataSource.class);
        HikariDataSource promotedPool = mock(HikariDataSource.class);
        former.openPool(formerPool, false);
        promoted.openPool(promotedPool, true);
        Connection stuck = mock(Connection.class);
        former.borrowed(stuck, former.currentPool());
        when(connections.pool(any(), any(), anyBoolean(), any(), anyBoolean(), anyString()))
                .thenThrow(new IllegalStateException("no threads left"));

        pools.masterChanged(former, promoted);

        verify(stuck).abort(any(Executor.class));
        assertThat(former.pool()).isSameAs(formerPool);
        assertThat(promoted.pool()).isSameAs(promotedPool);
        assertThat(promoted.currentPool().readOnly()).isTrue();
    }

    @Test
    void onlyConnectionsBorrowedFromAMasterPoolAreAbortedAtADemotion() throws Exception {
        Node former = node("db1:3306");
        Node promoted = node("db2:3306");
        former.openPool(mock(HikariDataSource.class), true); // a read borrowed while it was a replica
        Connection read = mock(Connection.class);
        former.borrowed(read, former.currentPool());
        former.openPool(mock(HikariDataSource.class), false);
        Connection write = mock(Connection.class);
        former.borrowed(write, former.currentPool());
        when(connections.pool(any(), any(), anyBoolean(), any(), anyBoolean(), anyString()))
                .thenThrow(new IllegalStateException("no threads left"));

        pools.masterChanged(former, promoted);

        verify(write).abort(any(Executor.class));
        verify(read, org.mockito.Mockito.never()).abort(any(Executor.class));
    }

    @Test
    void theNewMasterGetsAWritablePoolAndTheFormerOneAReadOnlyPool() {
        Node former = node("db1:3306");
        Node promoted = node("db2:3306");
        former.openPool(mock(HikariDataSource.class, org.mockito.Answers.RETURNS_DEEP_STUBS), false);
        promoted.openPool(mock(HikariDataSource.class, org.mockito.Answers.RETURNS_DEEP_STUBS), true);
        HikariDataSource writable = mock(HikariDataSource.class);
        HikariDataSource readOnly = mock(HikariDataSource.class);
        when(connections.pool(any(), any(), org.mockito.ArgumentMatchers.eq(false), any(), anyBoolean(), anyString()))
                .thenReturn(writable);
        when(connections.pool(any(), any(), org.mockito.ArgumentMatchers.eq(true), any(), anyBoolean(), anyString()))
                .thenReturn(readOnly);

        pools.masterChanged(former, promoted);

        assertThat(promoted.currentPool()).isEqualTo(new Node.Pool(writable, false));
        assertThat(former.currentPool()).isEqualTo(new Node.Pool(readOnly, true));
        former.close();
        promoted.close();
    }

    @Test
    void aMasterPoolOpenedAheadOfThePromotionIsTheOneTheNewMasterGets() {
        Node former = node("db1:3306");
        Node promoted = node("db2:3306");
        former.openPool(mock(HikariDataSource.class, org.mockito.Answers.RETURNS_DEEP_STUBS), false);
        promoted.openPool(mock(HikariDataSource.class, org.mockito.Answers.RETURNS_DEEP_STUBS), true);
        HikariDataSource ahead = mock(HikariDataSource.class);
        HikariDataSource later = mock(HikariDataSource.class);
        // The read-only stub first: stubbing calls the mock, and eq(true) passes false, which would consume `ahead`.
        when(connections.pool(any(), any(), org.mockito.ArgumentMatchers.eq(true), any(), anyBoolean(), anyString()))
                .thenReturn(mock(HikariDataSource.class));
        when(connections.pool(any(), any(), org.mockito.ArgumentMatchers.eq(false), any(), anyBoolean(), anyString()))
                .thenReturn(ahead, later);

        pools.prepare(promoted);
        pools.masterChanged(former, promoted);

        assertThat(promoted.currentPool()).isEqualTo(new Node.Pool(ahead, false));
        assertThat(promoted.takePrepared()).isNull();
        former.close();
        promoted.close();
    }

    @Test
    void aMasterPoolOpenedAheadButNotTakenClosesWithTheNode() {
        Node node = node("db2:3306");
        HikariDataSource ahead = mock(HikariDataSource.class);
        when(connections.pool(any(), any(), anyBoolean(), any(), anyBoolean(), anyString())).thenReturn(ahead);

        pools.prepare(node);
        node.close();

        verify(ahead).close();
    }
}
