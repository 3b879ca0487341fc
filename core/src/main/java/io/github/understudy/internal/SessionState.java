package io.github.understudy.internal;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The session settings a caller made on a {@link RoutingConnection} before (or between) physical connections,
 * applied to whichever physical connection is chosen, and only where they differ from what it already has.
 */
final class SessionState {

    boolean autoCommit = true;
    boolean readOnly;
    Integer isolation;
    String catalog;
    String schema;
    Integer holdability;

    /**
     * Applies what was set. Pool connections start with autoCommit on and read-only as their pool's default (on
     * for replica pools), and Connector/J elides a setter whose value it already has, so a plain read or write
     * sends no statement here.
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
        if (catalog != null) {
            physical.setCatalog(catalog);
        }
        if (schema != null) {
            physical.setSchema(schema);
        }
        if (holdability != null) {
            physical.setHoldability(holdability);
        }
    }

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
        return new SQLException("the transaction's connection to " + lostTransactionOn + " was closed under it (the "
                + "server failed or is no longer the master), so the server rolled it back: roll back and run the "
                + "transaction again", "08003");
    }
}
