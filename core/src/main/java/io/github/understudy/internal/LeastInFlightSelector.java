package io.github.understudy.internal;

import io.github.understudy.ReplicaCandidate;
import io.github.understudy.ReplicaSelector;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Picks the candidate with the fewest requests in flight. Ties are broken uniformly at random in the same single
 * pass (reservoir sampling), so that idle replicas share the load instead of the first one taking it all.
 */
final class LeastInFlightSelector implements ReplicaSelector {

    private final Supplier<? extends RandomGenerator> random;

    LeastInFlightSelector(Supplier<? extends RandomGenerator> random) {
        this.random = random;
    }

    @Override
    public <C extends ReplicaCandidate> C select(List<C> candidates) {
        int size = Selectors.checkedSize(candidates);
        C best = candidates.get(0);
        int fewest = best.inFlight();
        int ties = 1;
        for (int i = 1; i < size; i++) {
            C candidate = candidates.get(i);
            int inFlight = candidate.inFlight();
            if (inFlight < fewest) {
                best = candidate;
                fewest = inFlight;
                ties = 1;
            } else if (inFlight == fewest && random.get().nextInt(++ties) == 0) {
                best = candidate;
            }
        }
        return best;
    }

    @Override
    public String toString() {
        return "least-in-flight";
    }
}
