package io.github.understudy;

import java.util.Objects;
import java.util.Optional;

/**
 * An {@link UnderstudyDataSource} could not start: the servers do not show a master it may route writes to. The
 * {@link #reason()} says which rule failed; the message names the DataSource, says why, shows the topology and what
 * to do, e.g. {@code orders - cannot start: no reachable writable master (...); set startDegraded=true to start
 * without a master}.
 *
 * <p>An {@link IllegalStateException}, as before this type existed: callers that caught that keep working.
 */
public final class StartupFailedException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Why the start failed. */
    public enum Reason {
        /** No node is reachable, writable and replicating from no one (or the probes could not log in). */
        NO_REACHABLE_MASTER,
        /** Several nodes are writable masters: none is chosen, since writes to both would diverge. */
        SEVERAL_WRITABLE_MASTERS,
        /** The configured {@code master} is not the writable node the servers report. */
        MASTER_NOT_AS_CONFIGURED,
        /**
         * The epoch record and the servers do not single out a master that is safe to write to: the recorded
         * master lost commits another node holds, or the only writable node holds no data while others do. An
         * operator decides; the message names the nodes and positions.
         */
        AMBIGUOUS_MASTER,
        /** The master of the epoch record could not be made writable again (a server error while restoring). */
        MASTER_NOT_RESTORED
    }

    private final Reason reason;
    private final transient TopologySnapshot topology;

    /**
     * Creates the exception.
     *
     * @param reason   the rule that failed
     * @param message  the DataSource, why, and what to do
     * @param topology the topology when the start failed, or null when there was none
     * @param cause    the server's error, or null
     */
    public StartupFailedException(Reason reason, String message, TopologySnapshot topology, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.topology = topology;
    }

    /** {@return the rule that failed} */
    public Reason reason() {
        return reason;
    }

    /** {@return the topology when the start failed, empty when there was none (or after deserialisation)} */
    public Optional<TopologySnapshot> topology() {
        return Optional.ofNullable(topology);
    }
}
