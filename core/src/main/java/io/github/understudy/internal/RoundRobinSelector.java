package io.github.understudy.internal;

import io.github.understudy.ReplicaCandidate;
import io.github.understudy.ReplicaSelector;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Takes the candidates in turn. One counter per list size, so that lists of different sizes used in turn (the full
 * list, then the list without a replica that just failed) do not alias: with a single counter, alternating calls
 * with 3 and 2 candidates would always give the 2-list odd counter values, and so always its second replica.
 */
final class RoundRobinSelector implements ReplicaSelector {

    private static final int COUNTERS = 64;

    private final AtomicLongArray turns = new AtomicLongArray(COUNTERS);

    @Override
    public <C extends ReplicaCandidate> C select(List<C> candidates) {
        int size = Selectors.checkedSize(candidates);
        long turn = turns.getAndIncrement(size % COUNTERS);
        return candidates.get(Math.floorMod(turn, size));
    }

    @Override
    public String toString() {
        return "round-robin";
    }
}
