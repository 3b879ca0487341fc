package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The master's term, kept in the cluster itself: one row in {@code understudy.epoch}, written on the new master
 * at each promotion and replicated with everything else. Every application instance reads it, so they agree on
 * which writable node is the master without a server of their own.
 */
final class EpochStore {

    /** An epoch row: the term, and what the promoted node had applied when it was promoted. */
    record Epoch(long number, String promotionGtid) {
        static final Epoch NONE = new Epoch(0, "");
    }

    private EpochStore() {
    }

    static Epoch read(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT epoch, promotion_gtid FROM understudy.epoch WHERE id = 1")) {
            return rs.next() ? new Epoch(rs.getLong(1), rs.getString(2)) : Epoch.NONE;
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return Epoch.NONE; // no promotion yet: no schema or table
            }
            throw e;
        }
    }

    /** Records a promotion on the new master (writable by now): the row replicates to every repointed replica. */
    static void write(Connection master, long epoch, HostAndPort address, String promotionGtid, String by)
            throws SQLException {
        try (Statement statement = master.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS understudy");
            statement.execute("CREATE TABLE IF NOT EXISTS understudy.epoch (id INT PRIMARY KEY, epoch BIGINT NOT NULL, "
                    + "master VARCHAR(255) NOT NULL, server_id BIGINT NOT NULL, promotion_gtid TEXT NOT NULL, "
                    + "promoted_at TIMESTAMP(6) NOT NULL, promoted_by VARCHAR(255) NOT NULL)");
        }
        try (PreparedStatement statement = master.prepareStatement("REPLACE INTO understudy.epoch "
                + "(id, epoch, master, server_id, promotion_gtid, promoted_at, promoted_by) "
                + "VALUES (1, ?, ?, @@server_id, ?, NOW(6), ?)")) {
            statement.setLong(1, epoch);
            statement.setString(2, address.toString());
            statement.setString(3, promotionGtid);
            statement.setString(4, by);
            statement.executeUpdate();
        }
    }
}
