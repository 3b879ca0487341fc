package io.github.understudy;

import io.github.understudy.internal.Check;

/**
 * A replica a promotion did not choose: why (a type to act on) and the detail (for people), which names the
 * setting responsible where there is one.
 *
 * @param node   the replica
 * @param reason why, as a type
 * @param detail what was seen, e.g. {@code "3E11FA47-...:1-2"} for errant transactions, or
 *               {@code "marked never promote (failover.neverPromote)"}
 */
public record RejectedCandidate(HostAndPort node, Reason reason, String detail) {

    /** Why a candidate was not promoted. */
    public enum Reason {
        /** Listed in {@code failover.neverPromote}. */
        NEVER_PROMOTE,
        /** It replicates from no one. */
        NOT_A_REPLICA,
        /**
         * It was not replicating from the failed master when it failed: another source, or a receiver that had
         * lost the master well before (a stale node, missing what the others have).
         */
        NOT_REPLICATING_FROM_MASTER,
        /** Its applier stopped on an error: its data may differ from the master's. */
        REPLICATION_ERROR,
        /** It did not apply what it had received within {@code failover.relayLogWait}. */
        RELAY_LOG_NOT_APPLIED,
        /** It has transactions the failed master never had. */
        ERRANT_TRANSACTIONS,
        /** Another candidate has more, or as much and is preferred. */
        LESS_ADVANCED,
        /** It could not be checked (unreachable, or a statement failed). */
        CHECK_FAILED;

        /** {@return whether the node's data may differ from the cluster's: it must not replicate blindly} */
        public boolean divergent() {
            return this == REPLICATION_ERROR || this == ERRANT_TRANSACTIONS;
        }
    }

    /** Checks the components. */
    public RejectedCandidate {
        Check.notNull("node", node);
        Check.notNull("reason", reason);
        Check.notNull("detail", detail);
    }

    @Override
    public String toString() {
        return node + ": " + reason + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
