package io.github.understudy;

/** What Understudy concluded about a master it cannot use; only {@link #DEAD_MASTER} leads to a failover. */
public enum Diagnosis {
    /** The master answers. */
    HEALTHY,
    /** Understudy cannot reach the master, and no reachable replica replicates from it either: fail over. */
    DEAD_MASTER,
    /**
     * Understudy cannot reach the master, but a replica still replicates from it: the problem is between the
     * application and the master (our network), not the master. No failover; writes wait, then fail.
     */
    UNREACHABLE_MASTER,
    /** Neither the master nor any replica can be reached: nothing can be confirmed, so nothing is done. */
    NOTHING_REACHABLE
}
