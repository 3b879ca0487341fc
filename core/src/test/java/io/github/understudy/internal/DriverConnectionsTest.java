package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** What a closed pool leaves behind is closed: HikariCP drops a connection completed after its shutdown. */
class DriverConnectionsTest {

    @Test
    void closingClosesTheConnectionsStillOpenAndLeavesTheOthers() throws SQLException {
        Connection open = mock(Connection.class);
        Connection closedByThePool = mock(Connection.class);
        when(closedByThePool.isClosed()).thenReturn(true);
        Connection[] next = {closedByThePool};
        DriverConnections connections = new DriverConnections("jdbc:mysql://db1:3306/", new Properties(),
                (url, properties) -> next[0]);
        connections.getConnection();
        next[0] = open;
        connections.getConnection();

        connections.close();

        verify(open).close();
        verify(closedByThePool, never()).close();
    }

    @Test
    void aConnectionCompletedAfterThePoolClosedIsClosedAndRefused() throws Exception {
        Connection late = mock(Connection.class);
        CountDownLatch connecting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        DriverConnections connections = new DriverConnections("jdbc:mysql://db1:3306/", new Properties(),
                (url, properties) -> {
                    connecting.countDown();
                    await(release);
                    return late;
                });
        CompletableFuture<Connection> making = CompletableFuture.supplyAsync(() -> {
            try {
                return connections.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(connecting.await(10, TimeUnit.SECONDS)).isTrue();

        connections.close();
        release.countDown();

        assertThatThrownBy(making::get).isInstanceOf(ExecutionException.class).rootCause()
                .isInstanceOf(SQLException.class).hasMessageContaining("is closed");
        verify(late).close();
    }

    @Test
    void keepsTheLoginTimeoutHikariCpSetsForItsShutdownWait() {
        DriverConnections connections = new DriverConnections("jdbc:mysql://db1:3306/", new Properties());
        connections.setLoginTimeout(3);

        assertThat(connections.getLoginTimeout()).isEqualTo(3);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
