package io.github.understudy;

import java.sql.Connection;

/**
 * What Understudy's connections add to JDBC: {@code connection.unwrap(UnderstudyConnection.class)}.
 */
public interface UnderstudyConnection extends Connection {

    /**
     * Sets what this connection's reads may see, overriding the DataSource's {@code consistency}; takes effect at
     * the next choice of server (the next statement without a server, or after {@code setReadOnly}).
     *
     * @param consistency the mode
     */
    void setConsistency(Consistency consistency);

    /** @return this connection's consistency mode */
    Consistency getConsistency();

    /** @return the logical session this connection belongs to (the thread's, or its own) */
    ConsistencySession consistencySession();
}
