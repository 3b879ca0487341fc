package io.github.understudy;

import io.github.understudy.internal.Selectors;
import java.util.List;
import java.util.Map;

/**
 * Answers one question: which replica serves this read? Set it with
 * {@code UnderstudyConfig.builder().readStrategy(...)}; the default is {@link #roundRobin()}.
 *
 * <p>Implementations must be thread-safe. {@link #select} runs on the request path of every read: it must do no
 * I/O, take no locks and allocate nothing beyond the trivial.
 */
@FunctionalInterface
public interface ReplicaSelector {

    /**
     * Chooses the replica for one read.
     *
     * @param candidates the healthy replicas: never empty, random access, not to be modified
     * @param <C> the candidate type
     * @return one of {@code candidates}
     */
    <C extends ReplicaCandidate> C select(List<C> candidates);

    /** {@return a selector that takes the replicas in turn; even shares also when the list changes size} */
    static ReplicaSelector roundRobin() {
        return Selectors.roundRobin();
    }

    /** {@return a selector that picks a replica uniformly at random} */
    static ReplicaSelector random() {
        return Selectors.random();
    }

    /**
     * Returns a selector that picks at random in proportion to weights, e.g. {@code {db2:3306=3, db3:3306=1}} sends
     * three quarters of the reads to db2. A replica with no weight gets 1. A replica of weight 0 is a standby: it
     * serves reads only when every healthy replica has weight 0.
     *
     * @param weights weight per replica, each {@code >= 0}; every address must be one of the configured hosts
     * @return the selector
     * @throws IllegalArgumentException when a weight is negative
     */
    static ReplicaSelector weighted(Map<HostAndPort, Integer> weights) {
        return Selectors.weighted(weights);
    }

    /**
     * Returns a selector that picks the replica with the fewest requests in flight through this DataSource; ties
     * are broken at random, so that load spreads.
     *
     * @return the selector
     */
    static ReplicaSelector leastInFlight() {
        return Selectors.leastInFlight();
    }

    /**
     * Returns a selector that draws two replicas at random and takes the one with the lower cost, where cost is
     * the moving average latency times (in-flight requests + 1); a replica not measured yet wins, so that it gets
     * measured. "Power of two choices" avoids sending every read to the one fastest replica.
     *
     * @return the selector
     */
    static ReplicaSelector lowestLatency() {
        return Selectors.lowestLatency();
    }

    /**
     * Returns a built-in selector by name, for configuration files: {@code round-robin}, {@code random},
     * {@code least-in-flight} or {@code lowest-latency} (case-insensitive). {@code weighted} needs weights, so it
     * has no name: use {@link #weighted(Map)}.
     *
     * @param name the selector's name
     * @return the selector
     * @throws IllegalArgumentException naming the choices when the name is unknown
     */
    static ReplicaSelector named(String name) {
        return Selectors.named(name);
    }
}
