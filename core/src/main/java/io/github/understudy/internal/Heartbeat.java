package io.github.understudy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sub-second replica lag: a row in {@code understudy.heartbeat} that the monitor rewrites on the master every
 * {@code heartbeatInterval}, and that replicas are asked the age of. A reading is up to one interval high (the
 * row's age when the next write has not landed yet), which is why the interval must be below the lag limit.
 */
final class Heartbeat {

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    static final String READ_LAG = "SELECT TIMESTAMPDIFF(MICROSECOND, ts, NOW(6)) FROM understudy.heartbeat WHERE id = 1";
    // The read_only condition in the same statement: the admin user may write past read_only on MariaDB, and a
    // write on a replica would be an errant transaction.
    private static final String WRITE = "REPLACE INTO understudy.heartbeat (id, server_id, ts) "
            + "SELECT 1, @@server_id, NOW(6) FROM DUAL WHERE @@global.read_only = 0";

    private final String name;
    private final ConnectionFactory connections;
    private final HealthMonitor monitor;
    private Node writingTo;
    private Connection connection;

    Heartbeat(String name, ConnectionFactory connections, HealthMonitor monitor) {
        this.name = name;
        this.connections = connections;
        this.monitor = monitor;
    }

    /** Reads a replica's lag; null when it has no heartbeat row yet. */
    static Duration lag(ServerSession replica) throws SQLException {
        try {
            String micros = replica.text(READ_LAG);
            return micros.isEmpty() ? null : Duration.ofNanos(Math.max(0, Long.parseLong(micros)) * 1_000);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1146) {
                return null; // the table has not replicated here yet
            }
            throw e;
        }
    }

    /** One beat, on the scheduler: writes the row on the current master, if there is one. */
    void beat() {
        Node master = monitor.table().master();
        if (master == null) {
            return;
        }
        try {
            if (connection == null || master != writingTo) {
                reconnect(master);
            }
            try (Statement statement = connection.createStatement()) {
                statement.executeUpdate(WRITE);
            }
        } catch (SQLException e) {
            LOG.debug("{} - heartbeat on {} failed: {}", name, master, e.getMessage());
            close();
        }
    }

    private void reconnect(Node master) throws SQLException {
        close();
        connection = connections.admin(master.address());
        writingTo = master;
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE IF NOT EXISTS understudy");
            statement.execute("CREATE TABLE IF NOT EXISTS understudy.heartbeat "
                    + "(id INT PRIMARY KEY, server_id BIGINT NOT NULL, ts TIMESTAMP(6) NOT NULL)");
        }
    }

    void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // broken already
            }
            connection = null;
            writingTo = null;
        }
    }
}
