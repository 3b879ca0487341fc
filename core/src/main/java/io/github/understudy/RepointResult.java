package io.github.understudy;

import io.github.understudy.internal.Check;

/**
 * What became of one node that was to replicate from a (new) master.
 *
 * @param outcome what happened, as a type
 * @param detail  what was seen, e.g. the replication error; {@code ""} when it replicates
 */
public record RepointResult(Outcome outcome, String detail) {

    /** What happened. */
    public enum Outcome {
        /** Both replication threads run without error, from the new master. */
        REPLICATING,
        /** It was repointed, but did not replicate within {@code failover.repointCheck}. */
        NOT_REPLICATING,
        /** A statement failed, or the node could not be reached. */
        FAILED,
        /** It was not repointed: doing so could not be proven safe (e.g. it has transactions the master lacks). */
        REFUSED
    }

    /** Checks the components. */
    public RepointResult {
        Check.notNull("outcome", outcome);
        Check.notNull("detail", detail);
    }

    /** A node that replicates. */
    public static final RepointResult REPLICATING = new RepointResult(Outcome.REPLICATING, "");

    /**
     * @param outcome what happened
     * @param detail  what was seen
     * @return the result
     */
    public static RepointResult of(Outcome outcome, String detail) {
        return new RepointResult(outcome, detail);
    }

    /** {@return whether the node replicates from the new master} */
    public boolean replicating() {
        return outcome == Outcome.REPLICATING;
    }

    @Override
    public String toString() {
        return outcome.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                + (detail.isEmpty() ? "" : ": " + detail);
    }
}
