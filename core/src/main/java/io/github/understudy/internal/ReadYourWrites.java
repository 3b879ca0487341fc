package io.github.understudy.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Where a read of a session that wrote goes: to a replica the monitor already saw with the session's writes;
 * else to a replica that lags less than the wait and gets them within it (one {@code WAIT_FOR_EXECUTED_GTID_SET} /
 * {@code MASTER_GTID_WAIT} on the borrowed connection); else to the master. Without GTIDs (MySQL
 * {@code gtid_mode=OFF}) nothing tells which replica has a write: the session's reads go to the master until every
 * replica in rotation must have it ({@code maxReplicaLag} plus {@code probeInterval} after the write).
 */
final class ReadYourWrites {

    private ReadYourWrites() {
    }

    /**
     * @param untrackedWindow without GTIDs: how long after a write the session's reads go to the master
     */
    static Router.Borrowed borrow(Router router, TrackedSession session, Duration wait, Duration untrackedWindow)
            throws SQLException {
        if (session.wroteUntrackedWithin(System.currentTimeMillis(), untrackedWindow)) {
            return router.readFromMaster(); // no GTID says which replica has the write: the master does
        }
        Router.Borrowed known = router.readIf(node -> session.coveredBy(router.gtidPosition(node)));
        if (known != null) {
            return known;
        }
        // Wait only where it can pay off: on a replica whose lag is within the wait.
        Router.Borrowed any = router.readIf(node -> {
            Duration lag = router.lag(node);
            return lag != null && lag.compareTo(wait) <= 0;
        });
        if (any == null) {
            return router.readFromMaster();
        }
        boolean applied;
        try {
            applied = waitFor(any, session.waitPosition(), wait);
        } catch (SQLException e) {
            applied = false;
        }
        if (applied) {
            return any;
        }
        PoolReturn.release(any);
        return router.readFromMaster();
    }

    private static boolean waitFor(Router.Borrowed replica, String position, Duration wait) throws SQLException {
        Dialect dialect = replica.node().probe().dialect();
        Dialect known = dialect != null ? dialect : Dialect.of("8.0.0");
        boolean mariadb = known.mariadb();
        String function = known.waitFunction();
        try (PreparedStatement statement = replica.connection().prepareStatement("SELECT " + function + "(?, ?)")) {
            statement.setString(1, position);
            // MySQL 8.0 truncates a fractional timeout to whole seconds (0.2 means "don't wait"): round up there.
            double seconds = wait.toNanos() / 1e9;
            statement.setDouble(2, mariadb ? seconds : Math.max(1, Math.ceil(seconds)));
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() && rs.getInt(1) == 0 && !rs.wasNull();
            }
        }
    }
}
