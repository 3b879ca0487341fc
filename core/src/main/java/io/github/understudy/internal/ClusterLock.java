package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Mutual exclusion between application instances, with no server of its own: a MySQL named lock
 * ({@code GET_LOCK}) on every surviving node, taken in one global order without waiting. Two instances cannot
 * both hold the lock of the same node, and every promotion needs the lock of a majority of the replicas, so two
 * promotions cannot overlap; the loser finds the new master when it looks again. A lock dies with its session, so
 * a promoter that crashes releases it. Only changing a server needs it (promote, fence, rejoin, repair):
 * following a promotion does not.
 */
final class ClusterLock implements AutoCloseable {

    private static final String NAME = "understudy.failover";

    private final List<ServerSession> held;

    private ClusterLock(List<ServerSession> held) {
        this.held = held;
    }

    /** Takes the lock on every node, or none: returns null when another instance holds one of them. */
    static ClusterLock acquire(List<HostAndPort> nodes, ConnectionFactory connections) throws SQLException {
        List<HostAndPort> ordered = new ArrayList<>(nodes);
        ordered.sort(Comparator.comparing(HostAndPort::toString));
        List<ServerSession> held = new ArrayList<>();
        try {
            for (HostAndPort node : ordered) {
                ServerSession session = ServerSession.open(connections, node);
                held.add(session);
                if (!session.tryLock(NAME)) {
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

    @Override
    public void close() {
        for (ServerSession session : held) {
            try (session) {
                session.releaseLock(NAME);
            } catch (SQLException ignored) {
                // closing the session releases the lock anyway
            }
        }
    }
}
