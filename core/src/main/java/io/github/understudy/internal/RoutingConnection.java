package io.github.understudy.internal;

import io.github.understudy.Consistency;
import io.github.understudy.ConsistencySession;
import io.github.understudy.TransactionStateUnknownException;
import io.github.understudy.UnderstudyConnection;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The connection {@code UnderstudyDataSource.getConnection()} returns. It holds no physical connection until the
 * first statement: by then {@code setReadOnly} has said whether this is a read (a replica) or a write (the
 * master). It keeps its physical connection, so a transaction stays on one server, and switches only when
 * the read-only flag changes outside a transaction, or after its server failed. Until the first statement it
 * answers as a Connector/J connection would ({@link SessionState}); no method throws an unchecked exception.
 */
public final class RoutingConnection extends ForwardingConnection implements UnderstudyConnection {

    private final Router router;
    private final boolean retryReads;
    private final SessionState state;
    private final SessionConsistency consistency;
    private Router.Borrowed current;
    private WriteTracker tracker;
    private boolean closed;

    public RoutingConnection(Router router, ConnectionSettings settings) {
        this.router = router;
        this.retryReads = settings.retryReads();
        this.state = new SessionState(settings.session());
        this.consistency = new SessionConsistency(router, settings.consistency(), settings.readYourWritesWait());
    }

    /** The physical connection for the next statement, borrowed now if there is none (or it broke). */
    @Override
    protected Connection physical() throws SQLException {
        checkOpen();
        dropIfClosed();
        state.checkTransactionNotLost();
        if (current == null) {
            current = state.readOnly ? consistency.borrowRead() : router.write();
            try {
                state.applyTo(current.connection(), current.poolReadOnly());
                if (!state.readOnly && consistency.tracksWrites()) {
                    tracker = WriteTracker.attach(current.connection(), consistency.session());
                }
            } catch (SQLException e) {
                dropCurrent();
                throw e;
            }
        }
        return current.connection();
    }

    /**
     * HikariCP closed the held connection after a communications error, or a demotion aborted it: the next
     * statement takes another, unless a transaction was open on it.
     */
    private void dropIfClosed() throws SQLException {
        if (current != null && current.connection().isClosed()) {
            state.connectionClosed(current.node());
            dropCurrent();
        }
    }

    @Override
    protected Connection held() {
        return current == null ? null : current.connection();
    }

    @Override
    Node currentNode() {
        return current == null ? null : current.node();
    }

    @Override
    boolean readingFromReplica() {
        return state.readOnly && current != null && !current.master();
    }

    @Override
    ReadRerun rerun(ReadRerun.Factory factory) {
        return new ReadRerun(factory, retryReads);
    }

    @Override
    Connection rerouteRead(Node failed) throws SQLException {
        dropCurrent();
        current = router.read(List.of(failed));
        try {
            state.applyTo(current.connection(), current.poolReadOnly());
        } catch (SQLException e) {
            dropCurrent();
            throw e;
        }
        return current.connection();
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
    RoutingTable table() {
        return router.table();
    }

    private void dropCurrent() {
        detachTracker();
        if (current != null) {
            Router.Borrowed dropped = current;
            current = null;
            PoolReturn.release(dropped);
        }
    }

    private void detachTracker() {
        if (tracker != null) {
            tracker.detach();
            tracker = null;
        }
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw closedError();
        }
    }

    @Override
    public void setConsistency(Consistency mode) {
        consistency.mode(mode);
    }

    @Override
    public Consistency getConsistency() {
        return consistency.mode();
    }

    @Override
    public ConsistencySession consistencySession() {
        return consistency.session();
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
            throw new SQLException("cannot change read-only in the middle of a transaction", "25000");
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
        if (current != null && autoCommit != state.autoCommit) {
            current.connection().setAutoCommit(autoCommit);
        }
        state.autoCommit = autoCommit;
    }

    @Override
    public boolean getAutoCommit() {
        return state.autoCommit;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setTransactionIsolation(level);
        } else {
            SessionState.checkIsolation(level);
        }
        state.isolation = level;
    }

    /** Unset before the first statement, the server's own default: the physical connection knows it. */
    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return state.isolation != null && current == null ? state.isolation : physical().getTransactionIsolation();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setCatalog(catalog);
            state.confirmed(catalog, null);
        } else {
            state.catalog(catalog);
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        return current == null || closed ? state.catalog() : current.connection().getCatalog();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setSchema(schema);
            state.confirmed(null, schema);
        } else {
            state.schema(schema);
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return current == null ? state.schema() : current.connection().getSchema();
    }

    /** Connector/J has one holdability and ignores changes; so does a connection before its first statement. */
    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setHoldability(holdability);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        return current == null || closed ? ResultSet.HOLD_CURSORS_OVER_COMMIT : current.connection().getHoldability();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setNetworkTimeout(executor, milliseconds);
        }
        state.networkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return current == null ? state.networkTimeout() : current.connection().getNetworkTimeout();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setTypeMap(map);
        }
        state.typeMap(map);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        return current == null || closed ? state.typeMap() : current.connection().getTypeMap();
    }

    // Transactions: an unknown commit outcome is typed; with auto-commit on, Connector/J's refusals.

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (state.autoCommit) {
            throw new SQLException("Can't call commit when autocommit=true");
        }
        dropIfClosed();
        if (state.lostTransactionOn != null) {
            throw state.endLostTransaction();
        }
        if (current == null) {
            return;
        }
        Router.Borrowed committing = current;
        try {
            committing.connection().commit();
        } catch (SQLException e) {
            if (!state.readOnly && Communication.failed(e)) {
                dropCurrent();
                throw new TransactionStateUnknownException("commit on " + committing.node()
                        + " may or may not have happened: the connection failed during it", router.table().snapshot(), e);
            }
            throw e;
        }
    }

    /** In auto-commit mode Connector/J refuses, with SQLState 08003: not a communications failure, whatever it says. */
    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (state.autoCommit) {
            throw new SQLNonTransientConnectionException("Can't call rollback when autocommit=true", "08003");
        }
        state.lostTransactionOn = null;
        if (current == null) {
            return;
        }
        try {
            current.connection().rollback();
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
            throw new SQLException("Executor can not be null", "S1009");
        }
        if (closed) {
            return;
        }
        closed = true;
        detachTracker();
        if (current != null) {
            Router.Borrowed aborted = current;
            current = null;
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
        if (current == null) {
            return true;
        }
        boolean valid = current.connection().isValid(timeout);
        if (!valid) {
            state.connectionClosed(current.node());
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
        return "RoutingConnection[" + (current == null ? "no server yet" : current.node()) + (state.readOnly
                ? ", read-only" : "") + (state.autoCommit ? "" : ", in transaction") + (closed ? ", closed" : "")
                + "]";
    }
}
