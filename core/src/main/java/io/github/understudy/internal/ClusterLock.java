package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Mutual exclusion between application instances, with no server of its own: a MySQL named lock
 * ({@code GET_LOCK}) on every surviving node, taken in one global order without waiting. Two instances cannot
 * both hold the lock of the same node, and every promotion needs the lock of every candidate (the promoted one
 * included), so two promotions cannot overlap; the loser finds the new master when it looks again. A lock dies
 * with its session, so a promoter that crashes releases it.
 */
final class ClusterLock implements AutoCloseable {

    private static final String NAME = "understudy.failover";

    private final List<Connection> held;

    private ClusterLock(List<Connection> held) {
        this.held = held;
    }

    /** Takes the lock on every node, or none: returns null when another instance holds one of them. */
    static ClusterLock acquire(List<HostAndPort> nodes, ConnectionFactory connections) throws SQLException {
        List<HostAndPort> ordered = new ArrayList<>(nodes);
        ordered.sort(Comparator.comparing(HostAndPort::toString));
        List<Connection> held = new ArrayList<>();
        try {
            for (HostAndPort node : ordered) {
                Connection connection = connections.admin(node);
                held.add(connection);
                if (!tryLock(connection)) {
                    new ClusterLock(held).close();
                    return null;
                }
            }
            return new ClusterLock(held);
        } catch (SQLException e) {
            new ClusterLock(held).close();
            throw e;
        }
    }

    private static boolean tryLock(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT GET_LOCK('" + NAME + "', 0)")) {
            return rs.next() && rs.getInt(1) == 1;
        }
    }

    @Override
    public void close() {
        for (Connection connection : held) {
            try (connection; Statement statement = connection.createStatement()) {
                statement.execute("DO RELEASE_LOCK('" + NAME + "')");
            } catch (SQLException ignored) {
                // closing the session releases the lock anyway
            }
        }
    }
}
