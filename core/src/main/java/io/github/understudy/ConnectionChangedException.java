package io.github.understudy;

import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * The node under a read-only transaction failed and the transaction was lost; the connection itself is still
 * usable and will run the next transaction on another node. SQLState {@value #SQL_STATE}.
 *
 * <p>Transient ({@link SQLTransientConnectionException}): re-running the read-only transaction on the same
 * connection is safe and is expected to succeed. The message ends with the topology summary.
 */
public final class ConnectionChangedException extends SQLTransientConnectionException {

    /** The SQLState of this exception: the connection changed under the transaction. */
    public static final String SQL_STATE = "08S02";

    private final transient TopologySnapshot topology;

    /**
     * Creates the exception.
     *
     * @param message which node failed and what was lost
     * @param topology the topology at the time, or null when there was none
     * @param cause the driver's exception, or null
     */
    public ConnectionChangedException(String message, TopologySnapshot topology, Throwable cause) {
        super(TopologySnapshot.withSummary(message, topology), SQL_STATE, cause);
        this.topology = topology;
    }

    /** {@return the topology when the node failed, empty when there was none (or after deserialisation)} */
    public Optional<TopologySnapshot> topology() {
        return Optional.ofNullable(topology);
    }
}
