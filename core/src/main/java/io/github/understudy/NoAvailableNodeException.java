package io.github.understudy;

import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * No healthy node could take the request: no master appeared within {@code masterWaitTimeout} for a write, or no
 * replica (and, when allowed, no master) was healthy for a read. SQLState {@value #SQL_STATE}.
 *
 * <p>Transient ({@link SQLTransientConnectionException}): the same request may succeed once a node is back, so
 * retry frameworks may retry it. The message ends with the topology summary, e.g.
 * {@code orders - no healthy replica for read (replicas=2, healthy=0, down=[db2:3306 refused], ...)}.
 */
public final class NoAvailableNodeException extends SQLTransientConnectionException {

    /** The SQLState of this exception: SQL-client unable to establish SQL-connection. */
    public static final String SQL_STATE = "08001";

    private final transient TopologySnapshot topology;

    /**
     * Creates the exception.
     *
     * @param message what was asked for and why it failed
     * @param topology the topology at the time, or null when there was none yet
     * @param cause the driver's exception, or null
     */
    public NoAvailableNodeException(String message, TopologySnapshot topology, Throwable cause) {
        super(TopologySnapshot.withSummary(message, topology), SQL_STATE, cause);
        this.topology = topology;
    }

    /**
     * Creates the exception without a cause.
     *
     * @param message what was asked for and why it failed
     * @param topology the topology at the time, or null when there was none yet
     */
    public NoAvailableNodeException(String message, TopologySnapshot topology) {
        this(message, topology, null);
    }

    /** {@return the topology when the request failed, empty when there was none (or after deserialisation)} */
    public Optional<TopologySnapshot> topology() {
        return Optional.ofNullable(topology);
    }
}
