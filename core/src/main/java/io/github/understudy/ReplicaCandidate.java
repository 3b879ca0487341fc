package io.github.understudy;

/**
 * A healthy replica that a {@link ReplicaSelector} may choose, with the load figures it may choose by. Values are
 * read live and may change while a selector looks at them.
 */
public interface ReplicaCandidate {

    /** {@return the replica's address} */
    HostAndPort address();

    /** {@return how many requests are running on this replica through this DataSource now} */
    int inFlight();

    /** {@return the replica's moving average latency in nanoseconds, 0 when not measured yet} */
    long latencyNanos();
}
