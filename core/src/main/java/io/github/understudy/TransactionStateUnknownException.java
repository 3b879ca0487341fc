package io.github.understudy;

import java.sql.SQLNonTransientConnectionException;
import java.util.Optional;

/**
 * The connection to the master broke while a commit was in flight, so whether the transaction was committed is
 * unknown. SQLState {@value #SQL_STATE}.
 *
 * <p>Non-transient ({@link SQLNonTransientConnectionException}) on purpose: blindly re-running the transaction
 * could apply it twice, so retry frameworks must not retry it. Check the outcome (e.g. by an idempotency key),
 * then decide. The message ends with the topology summary.
 */
public final class TransactionStateUnknownException extends SQLNonTransientConnectionException {

    /** The SQLState of this exception: transaction resolution unknown. */
    public static final String SQL_STATE = "08007";

    private final transient TopologySnapshot topology;

    /**
     * Creates the exception.
     *
     * @param message which node failed during which commit
     * @param topology the topology at the time, or null when there was none
     * @param cause the driver's exception, or null
     */
    public TransactionStateUnknownException(String message, TopologySnapshot topology, Throwable cause) {
        super(TopologySnapshot.withSummary(message, topology), SQL_STATE, cause);
        this.topology = topology;
    }

    /** {@return the topology when the commit failed, empty when there was none (or after deserialisation)} */
    public Optional<TopologySnapshot> topology() {
        return Optional.ofNullable(topology);
    }
}
