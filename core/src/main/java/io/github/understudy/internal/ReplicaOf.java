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
     * @param heartbeat    the heartbeat period for a node that never replicated (an old master rejoining), null for
     *                     the server's default; a replica keeps its own
     */
    static RepointResult make(ServerSession node, ReplicationAddress master, String user, String password,
                              boolean startApplier, Duration check, Duration heartbeat) {
        try {
            Optional<ReplicaStatus> before = node.replicaStatus();
            if (user == null && before.isEmpty()) {
                return RepointResult.of(Outcome.REFUSED, "it has never replicated, so it has no replication user, "
                        + "and failover.replicationCredentials are not configured");
            }
            Dialect dialect = node.dialect();
            node.execute(dialect.stopReplica());
            if (dialect.mariadb()) {
                // Where GTID replication starts: an old master's slave position is empty or stale, and a replica
                // that used binary log coordinates never kept one. What it has is gtid_current_pos.
                node.execute("SET GLOBAL gtid_slave_pos = @@global.gtid_current_pos");
            }
            node.execute(dialect.changeSourceByGtid(master.host(), master.port(), user, password,
                    before.isEmpty() ? heartbeat : node.heartbeatPeriod(before.get())));
            node.execute(startApplier ? dialect.startReplica() : dialect.startReplica() + " IO_THREAD");
            return await(node, check, startApplier);
        } catch (SQLException e) {
            return RepointResult.of(Outcome.FAILED, NodeProbe.reason(e));
        }
    }

    /**
     * Points {@code node} at {@code master} by binary log coordinates, for clusters without GTIDs. The node must hold
     * exactly what the master held when it was promoted: it must have applied the old source's binary log up to
     * {@code promotedAt}, where the master had applied it; then it replicates from {@code masterEnd}, the end of the
     * master's own binary log at its promotion. A node that received that far but applied less (a stopped or
     * delayed applier) applies the rest first, up to exactly there; one that never received it is refused: its
     * place in the master's binary log cannot be proven without GTIDs.
     *
     * @param promotedAt   how far the master had applied the old source's binary log
     * @param masterEnd    the master's own binary log end when it was promoted, before any write
     * @param startApplier false to leave the applier stopped afterwards, as an operator had it
     */
    static RepointResult atCoordinates(ServerSession node, ReplicationAddress master, BinlogPosition promotedAt,
                                       BinlogPosition masterEnd, String user, String password,
                                       boolean startApplier, Duration check) {
        try {
            Optional<ReplicaStatus> before = node.replicaStatus();
            if (before.isEmpty()) {
                return RepointResult.of(Outcome.REFUSED, "it replicates from no one: without GTIDs its place in "
                        + master + "'s binary log cannot be proven");
            }
            String refused = catchUp(node, before.get(), promotedAt, check);
            if (!refused.isEmpty()) {
                return RepointResult.of(Outcome.REFUSED, refused);
            }
            Dialect dialect = node.dialect();
            node.execute(dialect.stopReplica());
            node.execute(dialect.changeSourceAt(master.host(), master.port(), user, password, masterEnd,
                    before.get().delay(), node.heartbeatPeriod(before.get())));
            node.execute(startApplier ? dialect.startReplica() : dialect.startReplica() + " IO_THREAD");
            return await(node, check, startApplier);
        } catch (SQLException e) {
            return RepointResult.of(Outcome.FAILED, NodeProbe.reason(e));
        }
    }

    /**
     * Brings the node's applier to exactly {@code target} in the old source's binary log, from its relay log; returns
     * why it cannot, {@code ""} when it is there.
     */
    private static String catchUp(ServerSession node, ReplicaStatus status, BinlogPosition target, Duration check)
            throws SQLException {
        Dialect dialect = node.dialect();
        if (status.receiver() == ReplicaStatus.Receiver.RUNNING && status.applierRunning()) {
            node.awaitCoordinates(target, check); // still receiving from a live old source (a switchover)
            status = node.replicaStatus().orElseThrow();
        }
        boolean received = status.received() != null && status.received().compareTo(target) >= 0;
        if (received && status.applied() != null && status.applied().compareTo(target) < 0) {
            // Whatever its applier was doing (stopped, delayed, behind), run it to exactly the target, at once.
            node.execute(dialect.stopReplica() + " SQL_THREAD");
            if (!status.delay().isZero()) {
                undelay(node);
            }
            node.execute(dialect.startApplierUntil(target));
            node.awaitCoordinates(target, check);
        }
        node.execute(dialect.stopReplica());
        ReplicaStatus now = node.replicaStatus().orElseThrow();
        if (now.applied() != null && now.applied().equals(target)) {
            return "";
        }
        return "it applied the old source's binary log up to " + now.applied() + " and received up to "
                + now.received() + ", but the new master had applied it up to " + target + ": without GTIDs the "
                + "missing part cannot be placed in the new master's binary log; rebuild it from a replica";
    }

    /** Takes a stopped applier's delay off, keeping the relay log it has yet to apply (see {@link Dialect#delay}). */
    private static void undelay(ServerSession node) throws SQLException {
        String purge = node.text("SELECT @@global.relay_log_purge");
        ReplicaStatus status = node.replicaStatus().orElseThrow();
        node.execute(node.dialect().delay(Duration.ZERO, status.relayAt(), node.heartbeatPeriod(status)));
        node.execute("SET GLOBAL relay_log_purge=" + ("1".equals(purge) ? "ON" : "OFF"));
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
