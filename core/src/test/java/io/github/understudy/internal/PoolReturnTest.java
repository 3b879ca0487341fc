package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.github.understudy.HostAndPort;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

/** A borrowed connection goes back, or is discarded, and neither ever throws. */
class PoolReturnTest {

    private final HikariDataSource pool = mock(HikariDataSource.class);
    private final Connection pooled = mock(Connection.class);
    private final Connection driver = mock(Connection.class);
    private final Node node = new Node(HostAndPort.parse("db1:3306"), mock(NodeHealth.class),
            new CircuitBreaker("db1", CircuitBreaker.Settings.following(java.time.Duration.ofSeconds(1)),
                    java.time.Clock.systemUTC(), state -> { }), mock(NodeProbe.class));

    private Router.Borrowed borrowed() throws SQLException {
        node.openPool(pool, false);
        node.stats().enter();
        node.borrowed(pooled, node.currentPool());
        when(pooled.unwrap(Connection.class)).thenReturn(driver);
        return new Router.Borrowed(node, pooled, true, node.currentPool());
    }

    @Test
    void aHealthyConnectionIsReturnedToItsPool() throws SQLException {
        PoolReturn.release(borrowed());

        verify(pooled).close();
        assertThat(node.inFlight()).isZero();
    }

    @Test
    void aConnectionOfAClosingPoolIsLeftToThePoolsShutdown() throws SQLException {
        Router.Borrowed borrowed = borrowed();
        when(pool.isClosed()).thenReturn(true);

        PoolReturn.release(borrowed);

        verify(pooled, never()).close();
        assertThat(node.inFlight()).isZero();
    }

    /** HikariCP's {@code ProxyConnection.close} after its pool's shutdown took the connection from its entry. */
    @Test
    void anUncheckedExceptionFromThePoolIsNeverPassedOn() throws SQLException {
        Router.Borrowed borrowed = borrowed();
        doThrow(new NullPointerException("connection is null")).when(pooled).close();

        assertThatCode(() -> PoolReturn.release(borrowed)).doesNotThrowAnyException();
    }

    @Test
    void aConnectionItsDriverClosedIsEvictedNotLentAgain() throws SQLException {
        Router.Borrowed borrowed = borrowed();
        when(driver.isClosed()).thenReturn(true);

        PoolReturn.release(borrowed);

        verify(pool).evictConnection(pooled);
        verify(pooled, never()).close();
    }

    @Test
    void aDiscardedConnectionIsAbortedThenEvictedAndNeverThrows() throws SQLException {
        Router.Borrowed borrowed = borrowed();
        Executor executor = Runnable::run;
        doThrow(new SQLException("already closed", "08003")).when(pooled).abort(any());

        assertThatCode(() -> PoolReturn.discard(borrowed, executor)).doesNotThrowAnyException();

        InOrder order = inOrder(pooled, pool);
        order.verify(pooled).abort(executor);
        order.verify(pool).evictConnection(pooled);
        verify(pooled, never()).close();
        assertThat(node.inFlight()).isZero();
    }
}
