package io.github.understudy;

/** How Understudy currently treats a node, as decided from probes and request failures. */
public enum NodeState {

    /** Healthy: serves writes when it is the master, reads when it is a replica. */
    UP,

    /**
     * A failure was seen (a failed probe or a broken connection on the request path): out of the read rotation
     * until the next good probe, evicted ({@link #DOWN}) when the failures go on.
     */
    SUSPECT,

    /**
     * Evicted: unreachable for {@code failuresToEvict} consecutive probes, not yet probed, or evicted by an
     * operator. Re-admitted after {@code successesToReadmit} consecutive good probes.
     */
    DOWN,

    /**
     * A reachable replica that is further behind than {@code maxReplicaLag}, whose lag is unknown, or whose
     * replication is stopped or failing: out of the read rotation until it has caught up for
     * {@code successesToReadmit} consecutive probes. A master is never lagging.
     */
    LAGGING,

    /** A former master that was made read-only so that it cannot take writes: never routed to. */
    FENCED
}
