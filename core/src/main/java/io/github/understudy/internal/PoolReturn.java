package io.github.understudy.internal;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a borrowed connection goes back to its pool: returned when it can serve again, discarded when it must never
 * be lent again (aborted, or closed by its driver). Neither ever throws: the caller's {@code close()} or
 * {@code abort()} has nothing to gain from a failure here, and must not get an unchecked exception from HikariCP.
 */
final class PoolReturn {

    private static final Logger LOG = LoggerFactory.getLogger(PoolReturn.class);

    private PoolReturn() {
    }

    /**
     * Returns a borrowed connection. A pool that is closing is left to abort it: HikariCP's shutdown takes the
     * connection away from its pool entry while it is still borrowed, and returning it then throws a
     * {@code NullPointerException} (seen right after promotions, whose retired pools close). A connection its
     * driver closed (a failed {@code isValid}, say) is evicted: returned, it would be lent to the next caller.
     */
    static void release(Router.Borrowed borrowed) {
        leave(borrowed);
        Connection connection = borrowed.connection();
        HikariDataSource pool = borrowed.pool().dataSource();
        try {
            if (pool.isClosed()) {
                return;
            }
            if (!connection.isClosed() && driverClosed(connection)) {
                pool.evictConnection(connection);
                return;
            }
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("{} - returning a connection failed; its pool discards it: {}", borrowed.node(), e.toString());
        }
    }

    /**
     * Aborts a borrowed connection ({@link Connection#abort}, on {@code executor}) and takes it out of its pool for
     * good, at once: Connector/J may still be closing it when the caller's next borrow comes.
     */
    static void discard(Router.Borrowed borrowed, Executor executor) {
        leave(borrowed);
        Connection connection = borrowed.connection();
        try {
            connection.abort(executor);
        } catch (SQLException | RuntimeException e) {
            LOG.debug("{} - aborting a connection failed: {}", borrowed.node(), e.toString());
        }
        try {
            borrowed.pool().dataSource().evictConnection(connection);
        } catch (RuntimeException e) {
            LOG.debug("{} - evicting an aborted connection failed: {}", borrowed.node(), e.toString());
        }
    }

    private static void leave(Router.Borrowed borrowed) {
        borrowed.node().stats().exit();
        borrowed.node().returned(borrowed.connection(), borrowed.pool());
    }

    /** Whether the driver's connection behind the pool's proxy is closed (a flag: no round trip). */
    private static boolean driverClosed(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        return physical != null && physical != pooled && physical.isClosed();
    }
}
