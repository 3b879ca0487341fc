package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The master's term, kept in the cluster itself: one row in {@code understudy.epoch}, written on the new master
 * at each promotion and replicated with everything else. Every application instance reads it, so they agree on
 * which node is the master without a server of their own.
 */
final class EpochStore {

    /**
     * An epoch row.
     *
     * @param number         the term
     * @param serverId       the {@code server_id} of the term's master (0 when there is no row)
     * @param promotionPoint what the master had applied when it was promoted (GTIDs)
     * @param coordinates    without GTIDs: where the promotion happened in binary log coordinates, null otherwise
     */
    record Epoch(long number, long serverId, String promotionPoint, Coordinates coordinates) {
        static final Epoch NONE = new Epoch(0, 0, "", null);

        Epoch(long number, long serverId, String promotionPoint) {
            this(number, serverId, promotionPoint, null);
        }
    }

    /**
     * A promotion without GTIDs, in binary log coordinates: the old master's {@code server_id}, how far the promoted
     * node had applied the old master's binary log, and the end of its own binary log before its first write. A
     * node at {@code failedAt} of that old master holds exactly what the new master held at {@code ownEnd}.
     */
    record Coordinates(long failedServerId, BinlogPosition failedAt, BinlogPosition ownEnd) {

        static Coordinates parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.trim().split(" ");
            return new Coordinates(Long.parseLong(parts[0]), BinlogPosition.parse(parts[1]),
                    BinlogPosition.parse(parts[2]));
        }

        @Override
        public String toString() {
            return failedServerId + " " + failedAt + " " + ownEnd;
        }
    }

    private EpochStore() {
    }

    static Epoch read(ServerSession session) throws SQLException {
        try {
            List<Map<String, String>> rows = session.rows("SELECT epoch, server_id, promotion_gtid, "
                    + "promotion_coordinates FROM understudy.epoch WHERE id = 1");
            if (rows.isEmpty()) {
                return Epoch.NONE;
            }
            Map<String, String> row = rows.get(0);
            return new Epoch(Long.parseLong(row.get("epoch")), Long.parseLong(row.get("server_id")),
                    row.get("promotion_gtid") == null ? "" : row.get("promotion_gtid"),
                    Coordinates.parse(row.get("promotion_coordinates")));
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146 || e.getErrorCode() == 1049) {
                return Epoch.NONE; // no promotion yet: no schema or table
            }
            throw e;
        }
    }

    /** Records a promotion on the new master (writable by now): the row replicates to every repointed replica. */
    static void write(ServerSession master, long epoch, HostAndPort address, String promotionPoint,
                      Coordinates coordinates, String by) throws SQLException {
        master.execute("CREATE DATABASE IF NOT EXISTS understudy",
                "CREATE TABLE IF NOT EXISTS understudy.epoch (id INT PRIMARY KEY, epoch BIGINT NOT NULL, "
                        + "master VARCHAR(255) NOT NULL, server_id BIGINT NOT NULL, promotion_gtid TEXT NOT NULL, "
                        + "promotion_coordinates VARCHAR(512), promoted_at TIMESTAMP(6) NOT NULL, "
                        + "promoted_by VARCHAR(255) NOT NULL)");
        master.update("REPLACE INTO understudy.epoch (id, epoch, master, server_id, promotion_gtid, "
                + "promotion_coordinates, promoted_at, promoted_by) VALUES (1, ?, ?, @@server_id, ?, ?, NOW(6), ?)",
                epoch, address.toString(), promotionPoint, coordinates == null ? null : coordinates.toString(), by);
    }
}
