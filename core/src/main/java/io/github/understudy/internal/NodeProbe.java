package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Probes one node on its own admin session (never a pooled connection), kept open between probes and reopened after
 * a failure. Two round trips: the server's variables and its replication status. Not thread-safe: the monitor runs
 * at most one probe per node at a time; {@link #last()} may be read by any thread.
 */
final class NodeProbe implements AutoCloseable {

    private final HostAndPort address;
    private final ConnectionFactory connections;
    private final boolean heartbeatLag;
    private final Clock clock;
    private ServerSession session;
    private volatile Dialect dialect;
    private volatile ServerState last;
    private volatile boolean answering;
    private boolean epochKnown;
    private Instant receiverLostAt;
    private final SourceSilence.Watch silenceWatch = new SourceSilence.Watch();

    NodeProbe(HostAndPort address, ConnectionFactory connections, boolean heartbeatLag, Clock clock) {
        this.address = address;
        this.connections = connections;
        this.heartbeatLag = heartbeatLag;
        this.clock = clock;
    }

    /**
     * @param masterServerId the current master's server_id, 0 when unknown: a replica of anyone else is not
     *                       replicating from our master, whatever its threads say
     * @param followed       whether the node is the master writes go to: its epoch row is not read at every probe
     * @param diagnosing     whether a master is being diagnosed: then MySQL is also asked when its receiver last heard
     *                       from its source (a SELECT: not at every probe)
     */
    ProbeResult probe(long masterServerId, boolean followed, boolean diagnosing) {
        long started = System.nanoTime();
        try {
            if (session == null) {
                session = ServerSession.open(connections, address);
                dialect = session.dialect();
            }
            return observe(masterServerId, followed, diagnosing, started);
        } catch (SQLException e) {
            closeQuietly();
            answering = false;
            epochKnown = false; // a node back from a failure may have been restarted: its epoch is read afresh
            silenceWatch.forget(); // and its receiver's counts start afresh
            return ProbeResult.failed(reason(e));
        } catch (RuntimeException e) {
            closeQuietly(); // the monitor logs it; the node's state stays as it was
            throw e;
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** {@return what the last successful probe read, null before the first} */
    ServerState last() {
        return last;
    }

    /** {@return whether the last probe got an answer} */
    boolean answering() {
        return answering;
    }

    /** Whether the node had semi-sync switched on as a master at its last successful probe. */
    boolean semiSyncMaster() {
        ServerState state = last;
        return state != null && state.semiSyncSource();
    }

    private ProbeResult observe(long masterServerId, boolean followed, boolean diagnosing, long started)
            throws SQLException {
        Map<String, String> variables = session.variables(ServerState.variables(dialect));
        Instant asked = clock.instant();
        Optional<ReplicaStatus> replica = session.replicaStatus();
        SourceSilence silence = silence(replica.orElse(null), asked, diagnosing);
        EpochStore.Epoch epoch = epoch(replica, followed);
        long latency = System.nanoTime() - started;
        Instant now = clock.instant();
        ServerState state = ServerState.of(now, dialect, variables, replica, receiverLost(replica, now), silence,
                epoch);
        last = state;
        answering = true;
        return result(state, masterServerId, latency)
                .withReplication(replica.map(r -> r.view(state.receiverLostAt())).orElse(null));
    }

    private ProbeResult result(ServerState state, long masterServerId, long latency) throws SQLException {
        Optional<ReplicaStatus> replica = state.replica();
        if (replica.isEmpty()) {
            return state.readOnly() ? ProbeResult.replicationBroken("read_only but replicating from no one", null,
                    state.serverId(), state.executed(), latency) : ProbeResult.master(state.serverId(),
                    state.executed(), latency);
        }
        return replica(replica.get(), state, masterServerId, latency);
    }

    private ProbeResult replica(ReplicaStatus status, ServerState state, long masterServerId, long latency)
            throws SQLException {
        Duration lag = status.behind();
        if (heartbeatLag && lag != null) {
            lag = Heartbeat.lag(session);
        }
        String problem = problem(status, state.readOnly(), masterServerId);
        if (!problem.isEmpty()) {
            return ProbeResult.replicationBroken(problem, lag, state.serverId(), state.executed(), latency);
        }
        return ProbeResult.replica(receiverLag(lag, state), state.serverId(), state.executed(), latency);
    }

    /**
     * The node's epoch row: read at the first probe, after a failure (it may have restarted), and at every probe
     * while it neither is the followed master nor has a connected receiver (a writable node to follow or fence, a
     * read-only one to restore or rejoin, a replica back from a restart); else the last one read.
     */
    private EpochStore.Epoch epoch(Optional<ReplicaStatus> replica, boolean followed) throws SQLException {
        // No row is read from the followed master: a promotion writes its row before the node turns writable
        // (Handover), so whoever follows it has read its term already; and its probes add no SELECT to its counters.
        boolean connected = replica.map(r -> r.receiver() == ReplicaStatus.Receiver.RUNNING).orElse(false);
        ServerState previous = last;
        if (epochKnown && (connected || followed) && previous != null && previous.epoch() != null) {
            return previous.epoch();
        }
        EpochStore.Epoch epoch = EpochStore.read(session);
        epochKnown = true;
        return epoch;
    }

    /** How long the receiver has heard nothing from its source; see {@link SourceSilence}. */
    private SourceSilence silence(ReplicaStatus replica, Instant asked, boolean diagnosing) throws SQLException {
        SourceSilence watched = silenceWatch.observe(replica, replica == null ? null : replica.heartbeats(), asked,
                clock.instant());
        if (watched == null || replica.heartbeats() != null || !diagnosing) {
            return watched;
        }
        return watched.and(session.sourceSilence());
    }

    /** Since when the receiver has been disconnected (kept from probe to probe), null while it is connected. */
    private Instant receiverLost(Optional<ReplicaStatus> replica, Instant now) {
        boolean connected = replica.map(r -> r.receiver() == ReplicaStatus.Receiver.RUNNING
                && r.receiverError().isEmpty()).orElse(false);
        if (connected) {
            receiverLostAt = null;
        } else if (receiverLostAt == null) {
            receiverLostAt = now;
        }
        return receiverLostAt;
    }

    /**
     * A replica whose receiver lost its master (the master died, or is being replaced) still serves what it has
     * applied: it is as stale as the time since it lost it, and leaves the rotation once that passes the maximum
     * lag, like any lagging replica. So reads go on while a failover runs.
     */
    private static Duration receiverLag(Duration lag, ServerState state) {
        if (state.receiverLostAt() == null) {
            return lag;
        }
        Duration lost = Duration.between(state.receiverLostAt(), state.at());
        return lag == null || lost.compareTo(lag) > 0 ? lost : lag;
    }

    private static String problem(ReplicaStatus status, boolean readOnly, long masterServerId) {
        String applier = status.applierProblem();
        if (!applier.isEmpty()) {
            return applier;
        }
        if (!readOnly) {
            return "replica is writable (read_only=OFF)";
        }
        if (masterServerId != 0 && status.sourceServerId() != masterServerId) {
            return "replicates from server_id " + status.sourceServerId() + ", not from the master (server_id "
                    + masterServerId + ")";
        }
        return "";
    }

    /** Short reasons for snapshots and logs: what an operator needs to read, not a stack trace. */
    static String reason(SQLException e) {
        if (e instanceof SQLTimeoutException || hasCause(e, java.net.SocketTimeoutException.class)) {
            return "timeout";
        }
        if (hasCause(e, java.net.ConnectException.class)) {
            return "refused";
        }
        if (e.getErrorCode() == 1045) {
            return "access denied";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().strip().split("\n")[0];
        if (message.isBlank()) {
            message = e.getClass().getSimpleName() + (e.getSQLState() == null ? "" : " " + e.getSQLState());
        }
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void closeQuietly() {
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
