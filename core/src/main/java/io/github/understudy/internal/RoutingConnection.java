package io.github.understudy.internal;

import io.github.understudy.Consistency;
import io.github.understudy.ConsistencySession;
import io.github.understudy.TransactionStateUnknownException;
import io.github.understudy.UnderstudyConnection;

import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The connection {@code UnderstudyDataSource.getConnection()} returns. It holds no physical connection until the
 * first statement: by then {@code setReadOnly} has said whether this is a read (a replica) or a write (the
 * master). It keeps its physical connection, so a transaction stays on one server, and switches only when
 * the read-only flag changes outside a transaction, or after its server failed.
 */
public final class RoutingConnection extends ForwardingConnection implements UnderstudyConnection {

    private final Router router;
    private final boolean retryReads;
    private final SessionState state = new SessionState();
    private final SessionConsistency consistency;
    private Router.Borrowed current;
    private WriteTracker tracker;
    private boolean closed;

    public RoutingConnection(Router router, boolean retryReads, Consistency consistency, Duration readYourWritesWait) {
        this.router = router;
        this.retryReads = retryReads;
        this.consistency = new SessionConsistency(router, consistency, readYourWritesWait);
    }

    /** The physical connection for the next statement, borrowed now if there is none (or it broke). */
    @Override
    protected java.sql.Connection physical() throws SQLException {
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

    @Override
    protected java.sql.Connection held() {
        return current == null ? null : current.connection();
    }

    /** After a read failed on {@code failed}'s server: the physical connection for its re-run, on another replica. */
    java.sql.Connection rerouteRead(Node failed) throws SQLException {
        dropCurrent();
        current = router.read(List.of(failed));
        state.applyTo(current.connection(), current.poolReadOnly());
        return current.connection();
    }

    /** Gives up the current physical connection (its server failed); the next statement borrows anew. */
    void abandon() {
        dropCurrent();
    }

    Node currentNode() {
        return current == null ? null : current.node();
    }

    boolean readOnlyAutoCommit() {
        return state.readOnly && state.autoCommit;
    }

    RoutingTable table() {
        return router.table();
    }

    /** Counts a typed error given to the application (metrics); returns it, to be thrown. */
    <E extends SQLException> E failed(E error) {
        return router.failed(error);
    }

    private void dropCurrent() {
        detachTracker();
        if (current != null) {
            Router.Borrowed dropped = current;
            current = null;
            try {
                Router.release(dropped);
            } catch (SQLException e) {
                // it is broken already; the pool discards it
            }
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
            throw new SQLException("connection is closed", "08003");
        }
    }

    private <S extends Statement> S wrap(S statement, Class<S> type, StatementFactory<S> factory) {
        if (!state.readOnly || current.master()) {
            return statement;
        }
        return ReadStatement.wrap(this, statement, type, factory, retryReads);
    }

    /** Creates the same statement again on another physical connection, for a re-run. */
    @FunctionalInterface
    interface StatementFactory<S> {
        S create(java.sql.Connection physical) throws SQLException;
    }

    @Override
    public Statement createStatement() throws SQLException {
        return wrap(physical().createStatement(), Statement.class, c -> c.createStatement());
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        return wrap(physical().createStatement(type, concurrency), Statement.class,
                c -> c.createStatement(type, concurrency));
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        return wrap(physical().createStatement(type, concurrency, holdability), Statement.class,
                c -> c.createStatement(type, concurrency, holdability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        return wrap(physical().prepareStatement(sql), PreparedStatement.class, c -> c.prepareStatement(sql));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        return wrap(physical().prepareStatement(sql, type, concurrency), PreparedStatement.class,
                c -> c.prepareStatement(sql, type, concurrency));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        return wrap(physical().prepareStatement(sql, type, concurrency, holdability), PreparedStatement.class,
                c -> c.prepareStatement(sql, type, concurrency, holdability));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        return wrap(physical().prepareStatement(sql, autoGeneratedKeys), PreparedStatement.class,
                c -> c.prepareStatement(sql, autoGeneratedKeys));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        return wrap(physical().prepareStatement(sql, columnIndexes), PreparedStatement.class,
                c -> c.prepareStatement(sql, columnIndexes));
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        return wrap(physical().prepareStatement(sql, columnNames), PreparedStatement.class,
                c -> c.prepareStatement(sql, columnNames));
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        return wrap(physical().prepareCall(sql), CallableStatement.class, c -> c.prepareCall(sql));
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return wrap(physical().prepareCall(sql, type, concurrency), CallableStatement.class,
                c -> c.prepareCall(sql, type, concurrency));
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        return wrap(physical().prepareCall(sql, type, concurrency, holdability), CallableStatement.class,
                c -> c.prepareCall(sql, type, concurrency, holdability));
    }

    // Session state: recorded, and passed on at once only when a physical connection is already held.

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
    public boolean isReadOnly() throws SQLException {
        checkOpen();
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
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return state.autoCommit;
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setTransactionIsolation(level);
        }
        state.isolation = level;
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return state.isolation != null || current == null
                ? (state.isolation == null ? TRANSACTION_REPEATABLE_READ : state.isolation)
                : current.connection().getTransactionIsolation();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setCatalog(catalog);
        }
        state.catalog = catalog;
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return state.catalog != null || current == null ? state.catalog : current.connection().getCatalog();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setSchema(schema);
        }
        state.schema = schema;
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return state.schema != null || current == null ? state.schema : current.connection().getSchema();
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (current != null) {
            current.connection().setHoldability(holdability);
        }
        state.holdability = holdability;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        if (state.holdability != null) {
            return state.holdability;
        }
        return current == null ? java.sql.ResultSet.CLOSE_CURSORS_AT_COMMIT : current.connection().getHoldability();
    }

    // Transactions: nothing to do before the first statement; an unknown commit outcome is typed.

    @Override
    public void commit() throws SQLException {
        checkOpen();
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
                throw router.failed(new TransactionStateUnknownException("commit on " + committing.node()
                        + " may or may not have happened: the connection failed during it", router.table().snapshot(), e));
            }
            throw e;
        }
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        state.lostTransactionOn = null;
        if (current != null) {
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
    }

    @Override
    public void close() throws SQLException {
        if (!closed) {
            closed = true;
            detachTracker();
            if (current != null) {
                Router.Borrowed releasing = current;
                current = null;
                Router.release(releasing);
            }
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public boolean isValid(int timeout) throws SQLException {
        return !closed && (current == null || current.connection().isValid(timeout));
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        return physical().unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || physical().isWrapperFor(type);
    }

    @Override
    public String toString() {
        return "RoutingConnection[" + (current == null ? "no server yet" : current.node()) + (state.readOnly
                ? ", read-only" : "") + (state.autoCommit ? "" : ", in transaction") + "]";
    }
}
