package io.github.understudy.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The session settings a caller made on a {@link RoutingConnection} before (or between) physical connections,
 * applied to whichever physical connection is chosen, and only where they differ from what it already has. Before
 * the first statement it answers as a Connector/J connection would: the same defaults, the same refusals.
 */
final class SessionState {

    /**
     * What every new connection has before the caller sets anything, from the configuration.
     *
     * @param dataSource          the DataSource's name, which every error names
     * @param database            the {@code database} setting, or null
     * @param schemaIsDatabase    Connector/J's {@code databaseTerm=SCHEMA}: {@code setSchema} changes the database
     *                            and {@code setCatalog} is ignored (by default it is the other way round)
     * @param networkTimeoutMillis the socket timeout of application connections
     */
    record Defaults(String dataSource, String database, boolean schemaIsDatabase, int networkTimeoutMillis) {
    }

    private final Defaults defaults;
    boolean autoCommit = true;
    boolean readOnly;
    Integer isolation;
    private String database;
    private String confirmedDatabase;
    private Integer networkTimeout;
    private Executor networkTimeoutExecutor;
    private Map<String, Class<?>> typeMap;

    SessionState(Defaults defaults) {
        this.defaults = defaults;
    }

    /**
     * Applies what was set. Pool connections start with autoCommit on and read-only as their pool's default (on
     * for replica pools), and Connector/J elides a setter whose value it already has, so a plain read or write
     * sends no statement here. A database that the server refuses is forgotten (the connection keeps the one it
     * had, as Connector/J's {@code setCatalog} does) and the refusal is thrown.
     */
    void applyTo(Connection physical, boolean poolReadOnly) throws SQLException {
        if (!autoCommit) {
            physical.setAutoCommit(false);
        }
        if (readOnly != poolReadOnly) {
            physical.setReadOnly(readOnly);
        }
        if (isolation != null) {
            physical.setTransactionIsolation(isolation);
        }
        if (networkTimeout != null) {
            physical.setNetworkTimeout(networkTimeoutExecutor, networkTimeout);
        }
        if (typeMap != null) {
            physical.setTypeMap(typeMap);
        }
        if (database != null) {
            applyDatabase(physical);
        }
    }

    private void applyDatabase(Connection physical) throws SQLException {
        try {
            if (defaults.schemaIsDatabase()) {
                physical.setSchema(database);
            } else {
                physical.setCatalog(database);
            }
            confirmedDatabase = database;
        } catch (SQLException e) {
            database = confirmedDatabase;
            throw e;
        }
    }

    // Before the first statement: Connector/J's answers without a server.

    /** Checks an isolation level as Connector/J does, without a server. */
    void checkIsolation(int level) throws SQLException {
        switch (level) {
            case Connection.TRANSACTION_READ_UNCOMMITTED, Connection.TRANSACTION_READ_COMMITTED,
                 Connection.TRANSACTION_REPEATABLE_READ, Connection.TRANSACTION_SERIALIZABLE -> {
            }
            case Connection.TRANSACTION_NONE ->
                    throw error("Transaction isolation level NONE not supported by MySQL", null);
            default -> throw error("Unsupported transaction isolation level '" + level + "'", "S1C00");
        }
    }

    /** {@code setCatalog} without a physical connection: recorded when the catalog is the database, else ignored. */
    void catalog(String catalog) {
        if (!defaults.schemaIsDatabase()) {
            database = catalog;
        }
    }

    /** {@code setSchema} without a physical connection: recorded when the schema is the database, else ignored. */
    void schema(String schema) {
        if (defaults.schemaIsDatabase()) {
            database = schema;
        }
    }

    /** A database a physical connection accepted (its {@code setCatalog} or {@code setSchema} succeeded). */
    void confirmed(String catalog, String schema) {
        String accepted = defaults.schemaIsDatabase() ? schema : catalog;
        if (accepted != null) {
            database = accepted;
            confirmedDatabase = accepted;
        }
    }

    String catalog() {
        return defaults.schemaIsDatabase() ? null : currentDatabase();
    }

    String schema() {
        return defaults.schemaIsDatabase() ? currentDatabase() : null;
    }

    private String currentDatabase() {
        return database != null ? database : defaults.database();
    }

    /** Checks and records a network timeout as Connector/J does (a null executor is allowed). */
    void networkTimeout(Executor executor, int milliseconds) throws SQLException {
        if (milliseconds < 0) {
            throw error("Network timeout must be a value greater than or equal to 0.", "S1009");
        }
        networkTimeout = milliseconds;
        networkTimeoutExecutor = executor;
    }

    int networkTimeout() {
        return networkTimeout != null ? networkTimeout : defaults.networkTimeoutMillis();
    }

    void typeMap(Map<String, Class<?>> map) {
        typeMap = map;
    }

    Map<String, Class<?>> typeMap() {
        return typeMap != null ? typeMap : new HashMap<>();
    }

    // A transaction lost with its connection.

    /**
     * The node whose connection was closed under an open transaction (its server failed, or it was demoted and
     * its connections aborted), or null. The transaction is gone with it: until the application rolls back, its
     * statements must fail rather than go on, silently, in a new transaction on another connection.
     */
    Node lostTransactionOn;

    void connectionClosed(Node node) {
        if (!autoCommit) {
            lostTransactionOn = node;
        }
    }

    void checkTransactionNotLost() throws SQLException {
        if (lostTransactionOn != null) {
            throw transactionLost();
        }
    }

    /** The error for a lost transaction, clearing it: after a commit or rollback, a new one may start. */
    SQLException endLostTransaction() {
        SQLException lost = transactionLost();
        lostTransactionOn = null;
        return lost;
    }

    private SQLException transactionLost() {
        return error("the transaction's connection to " + lostTransactionOn + " was closed under it (the "
                + "server failed or is no longer the master), so the server rolled it back: roll back and run the "
                + "transaction again", "08003");
    }

    /** The error of any call on a closed connection, as Connector/J words and types it. */
    SQLException closedError() {
        return new SQLNonTransientConnectionException(defaults.dataSource()
                + " - No operations allowed after connection closed.", "08003");
    }

    /** An error of this connection: Connector/J's words and SQLState, after the name of the DataSource. */
    SQLException error(String message, String sqlState) {
        return new SQLException(defaults.dataSource() + " - " + message, sqlState);
    }
}
