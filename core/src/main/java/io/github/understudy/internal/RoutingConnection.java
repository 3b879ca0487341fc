package io.github.understudy.internal;

import io.github.understudy.Consistency;
import io.github.understudy.ConsistencySession;
import io.github.understudy.TransactionStateUnknownException;
import io.github.understudy.UnderstudyConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * The connection {@code UnderstudyDataSource.getConnection()} returns. It holds no physical connection until the
 * first statement: by then {@code setReadOnly} has said whether this is a read (a replica) or a write (the
 * master). It keeps its physical connection, so a transaction stays on one server, and switches only when
 * the read-only flag changes outside a transaction, or after its server failed. Until the first statement it
 * answers as a Connector/J connection would ({@link SessionState}); no method throws an unchecked exception.
 */
final class RoutingConnection extends SessionConnection implements UnderstudyConnection {

    private final Router router;
    private final ConnectionSettings settings;
    private SessionConsistency consistency; // null: eventual, no scope (see SessionConsistency.atGetConnection)
    // Volatile, and taken under this connection's lock: abort() may come from another thread (a watchdog
    // aborting a statement that hangs), while the owner's thread runs a statement on the connection.
    private volatile Router.Borrowed current;
    private WriteTracker tracker;
    private volatile boolean closed;

    public RoutingConnection(Router router, ConnectionSettings settings) {
        super(new SessionState(settings.session()));
        this.router = router;
        this.settings = settings;
        this.consistency = SessionConsistency.atGetConnection(router, settings.consistency(),
                settings.readYourWritesWait(), settings.untrackedWindow());
    }

    /** The physical connection for the next statement, borrowed now if there is none (or it broke). */
    /** Whether the node's writes carry GTIDs (MySQL {@code gtid_mode=OFF}'s do not; unknown counts as yes). */
    private static boolean gtids(Router.Borrowed borrowed) {
        ServerState state = borrowed.node().probe().last();
        return state == null || state.gtidMode();
    }

    @Override
    protected Connection physical() throws SQLException {
        checkOpen();
        dropIfClosed();
        state.checkTransactionNotLost();
        Router.Borrowed borrowed = current;
        if (borrowed == null) {
            borrowed = borrow();
            current = borrowed;
            try {
                if (!state.readOnly && consistency != null && consistency.tracksWrites()) { // before any statement
                    tracker = WriteTracker.attach(borrowed.connection(), consistency.session(), gtids(borrowed),
                            settings.consistency() == Consistency.READ_YOUR_WRITES);
                }
                state.applyTo(borrowed.connection(), borrowed.poolReadOnly());
                checkOpen(); // aborted meanwhile, from another thread
            } catch (SQLException e) {
                dropCurrent();
                throw e;
            }
        }
        return borrowed.connection();
    }

    /** A connection for the next statement; a failing {@link io.github.understudy.ReplicaSelector} is an error. */
    private Router.Borrowed borrow() throws SQLException {
        try {
            if (!state.readOnly) {
                return router.write();
            }
            return consistency == null ? router.read(List.of()) : consistency.borrowRead();
        } catch (RuntimeException e) {
            throw new SQLException(router.name() + " - routing failed: " + e, "HY000", e);
        }
    }

    /**
     * HikariCP closed the held connection after a communications error, or a demotion aborted it: the next
     * statement takes another, unless a transaction was open on it.
     */
    private void dropIfClosed() throws SQLException {
        Router.Borrowed held = current;
        if (held != null && held.connection().isClosed()) {
            state.connectionClosed(held.node());
            dropCurrent();
        }
    }

    @Override
    protected Connection held() {
        Router.Borrowed held = current;
        return held == null ? null : held.connection();
    }

    @Override
    Node currentNode() {
        Router.Borrowed held = current;
        return held == null ? null : held.node();
    }

    @Override
    boolean readingFromReplica() {
        Router.Borrowed held = current;
        return state.readOnly && held != null && !held.master();
    }

    @Override
    ReadRerun rerun(ReadRerun.Factory factory) {
        return new ReadRerun(factory, settings.retryReads());
    }

    @Override
    Connection rerouteRead(Node failed) throws SQLException {
        dropCurrent();
        Router.Borrowed rerouted = router.read(List.of(failed));
        current = rerouted;
        try {
            state.applyTo(rerouted.connection(), rerouted.poolReadOnly());
            checkOpen();
        } catch (SQLException e) {
            dropCurrent();
            throw e;
        }
        return rerouted.connection();
    }

    @Override
    void abandon() {
        dropCurrent();
    }

    @Override
    boolean readOnlyAutoCommit() {
        return state.readOnly && state.autoCommit;
    }

    @Override
    <E extends SQLException> E failed(E error) {
        return router.failed(error);
    }

    @Override
    RoutingTable table() {
        return router.table();
    }

    @Override
    String dataSource() {
        return router.name();
    }

    private void dropCurrent() {
        detachTracker();
        Router.Borrowed dropped = take();
        if (dropped != null) {
            PoolReturn.release(dropped);
        }
    }

    /** The held physical connection, no longer held: by exactly one caller, whatever the threads. */
    private synchronized Router.Borrowed take() {
        Router.Borrowed taken = current;
        current = null;
        return taken;
    }

    private void detachTracker() {
        if (tracker != null) {
            tracker.detach();
            tracker = null;
        }
    }

    @Override
    public void setConsistency(Consistency mode) {
        consistency().mode(mode);
    }

    @Override
    public Consistency getConsistency() {
        return consistency == null ? Consistency.EVENTUAL : consistency.mode();
    }

    @Override
    public ConsistencySession consistencySession() {
        return consistency().session();
    }

    private SessionConsistency consistency() {
        if (consistency == null) {
            consistency = SessionConsistency.unscoped(router, settings.readYourWritesWait(), settings.untrackedWindow());
        }
        return consistency;
    }

    // Session state: recorded, and passed on at once only when a physical connection is already held. Like
    // Connector/J, the getters of the flags and of the database answer on a closed connection too.

    @Override
    public void setReadOnly(boolean readOnly) throws SQLException {
        checkOpen();
        if (readOnly == state.readOnly) {
            return;
        }
        if (current != null && !state.autoCommit) {
            throw state.error("cannot change read-only in the middle of a transaction", "25000");
        }
        state.readOnly = readOnly;
        // A read and a write go to different servers: the next statement borrows from the right one.
        dropCurrent();
    }

    @Override
    public boolean isReadOnly() {
        return state.readOnly;
    }

    @Override
    public void setAutoCommit(boolean autoCommit) throws SQLException {
        checkOpen();
        if (autoCommit && state.lostTransactionOn != null) {
            state.autoCommit = true;
            throw state.endLostTransaction(); // switching auto-commit on commits, and there is nothing to commit
        }
        Connection held = held();
        if (held != null && autoCommit != state.autoCommit) {
            held.setAutoCommit(autoCommit);
        }
        state.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() {
        return state.autoCommit;
    }

    // Transactions: an unknown commit outcome is typed; with auto-commit on, Connector/J's refusals.

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (state.autoCommit) {
            throw state.error("Can't call commit when autocommit=true", null);
        }
        dropIfClosed();
        if (state.lostTransactionOn != null) {
            throw state.endLostTransaction();
        }
        Router.Borrowed committing = current;
        if (committing == null) {
            return;
        }
        try {
            committing.connection().commit();
        } catch (SQLException e) {
            if (!state.readOnly && Communication.failed(e)) {
                dropCurrent();
                throw router.failed(new TransactionStateUnknownException(router.name() + " - commit on "
                        + committing.node() + " may or may not have happened: the connection failed during it",
                        router.table().snapshot(), e));
            }
            throw e;
        }
    }

    /** In auto-commit mode Connector/J refuses, with SQLState 08003: not a communications failure, whatever it says. */
    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (state.autoCommit) {
            throw new SQLNonTransientConnectionException(router.name() + " - Can't call rollback when autocommit=true",
                    "08003");
        }
        state.lostTransactionOn = null;
        Connection held = held();
        if (held == null) {
            return;
        }
        try {
            held.rollback();
        } catch (SQLException e) {
            if (!Communication.failed(e)) {
                throw e;
            }
            // the server is gone and the transaction with it: nothing is left to roll back
            dropCurrent();
        }
    }

    // The end of the connection: close and abort never throw once their argument is valid.

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            dropCurrent();
        }
    }

    /** Closes at once, without waiting for a statement in flight; the physical connection is never lent again. */
    @Override
    public void abort(Executor executor) throws SQLException {
        if (executor == null) {
            throw state.error("Executor can not be null", "S1009");
        }
        if (closed) {
            return;
        }
        closed = true;
        Router.Borrowed aborted = take();
        if (aborted != null) {
            PoolReturn.discard(aborted, executor);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /**
     * Before the first statement there is no server to ask: valid. A negative timeout closes the connection and
     * answers false, as Connector/J does; a physical connection that fails the check is given up.
     */
    @Override
    public boolean isValid(int timeout) throws SQLException {
        if (closed) {
            return false;
        }
        if (timeout < 0) {
            abort(Runnable::run);
            return false;
        }
        Router.Borrowed held = current;
        if (held == null) {
            return true;
        }
        boolean valid = held.connection().isValid(timeout);
        if (!valid) {
            state.connectionClosed(held.node());
            dropCurrent();
        }
        return valid;
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        checkOpen();
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return physical().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        checkOpen();
        return type.isInstance(this) || physical().isWrapperFor(type);
    }

    @Override
    public String toString() {
        Router.Borrowed held = current;
        return "RoutingConnection[" + (held == null ? "no server yet" : held.node()) + (state.readOnly
                ? ", read-only" : "") + (state.autoCommit ? "" : ", in transaction") + (closed ? ", closed" : "")
                + "]";
    }
}
