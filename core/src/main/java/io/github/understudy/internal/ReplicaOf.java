package io.github.understudy.internal;

import io.github.understudy.RepointResult;
import io.github.understudy.RepointResult.Outcome;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Makes a node replicate from a master, by GTID: the one place for {@code CHANGE MASTER TO} / {@code CHANGE
 * REPLICATION SOURCE TO}, whether it repoints a replica after a promotion, rejoins an old master, repairs a
 * replica or demotes a switchover's old master. Checking what the node holds against the master is the caller's
 * part (see {@link Errant}).
 */
final class ReplicaOf {

    private ReplicaOf() {
    }

    /**
     * Points {@code node} at {@code master} and waits up to {@code check} until it replicates.
     *
     * @param user         the replication user, or null to keep the node's own (it must have a source already)
     * @param password     its password
     * @param startApplier false to leave the applier stopped, as an operator had it (the receiver still runs)
     */
    static RepointResult make(ServerSession node, ReplicationAddress master, String user, String password,
                              boolean startApplier, Duration check) {
        try {
            Optional<ReplicaStatus> before = node.replicaStatus();
            if (user == null && before.isEmpty()) {
                return RepointResult.of(Outcome.REFUSED, "it has never replicated, so it has no replication user, "
                        + "and failover.replicationCredentials are not configured");
            }
            node.execute(statements(node.dialect(), master, user, password, startApplier));
            return await(node, check, startApplier);
        } catch (SQLException e) {
            return RepointResult.of(Outcome.FAILED, NodeProbe.reason(e));
        }
    }

    private static List<String> statements(Dialect dialect, ReplicationAddress master, String user, String password,
                                           boolean startApplier) {
        List<String> statements = new ArrayList<>();
        statements.add(dialect.stopReplica());
        if (dialect.mariadb()) {
            // Where GTID replication starts: an old master's slave position is empty or stale, and a replica that
            // used binary log coordinates never kept one. What it has is gtid_current_pos.
            statements.add("SET GLOBAL gtid_slave_pos = @@global.gtid_current_pos");
        }
        statements.add(dialect.changeSource(master.host(), master.port(), user, password));
        statements.add(startApplier ? dialect.startReplica() : dialect.startReplica() + " IO_THREAD");
        return statements;
    }

    /** Waits until the node replicates without error: both threads, or the receiver alone when asked. */
    static RepointResult await(ServerSession node, Duration check, boolean applier) throws SQLException {
        long deadline = System.nanoTime() + check.toNanos();
        String state;
        do {
            Optional<ReplicaStatus> status = node.replicaStatus();
            if (status.isEmpty()) {
                return RepointResult.of(Outcome.NOT_REPLICATING, "it replicates from no one");
            }
            ReplicaStatus s = status.get();
            boolean ok = s.receiver() == ReplicaStatus.Receiver.RUNNING && s.receiverError().isEmpty()
                    && s.applierError().isEmpty() && (s.applierRunning() || !applier);
            if (ok) {
                return RepointResult.REPLICATING;
            }
            state = s.describeReceiver() + ", applier " + (s.applierRunning() ? "running" : "stopped")
                    + (s.applierError().isEmpty() ? "" : " (" + s.applierError() + ")");
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        return RepointResult.of(Outcome.NOT_REPLICATING, "after " + check + " (failover.repointCheck): " + state);
    }
}
