package io.github.understudy.internal;

import io.github.understudy.ReplicaCandidate;
import io.github.understudy.ReplicaSelector;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Power of two choices: draws two distinct candidates and keeps the cheaper, cost being the latency average times
 * (in-flight + 1). Always taking the single fastest replica would herd every read onto it; weighing by in-flight
 * requests makes a busy fast replica lose to an idle slower one.
 */
final class LowestLatencySelector implements ReplicaSelector {

    private final Supplier<? extends RandomGenerator> random;

    LowestLatencySelector(Supplier<? extends RandomGenerator> random) {
        this.random = random;
    }

    @Override
    public <C extends ReplicaCandidate> C select(List<C> candidates) {
        int size = Selectors.checkedSize(candidates);
        if (size == 1) {
            return candidates.get(0);
        }
        RandomGenerator generator = random.get();
        int first = generator.nextInt(size);
        int second = generator.nextInt(size - 1);
        if (second >= first) {
            second++;
        }
        C a = candidates.get(first);
        C b = candidates.get(second);
        return cost(b) < cost(a) ? b : a;
    }

    /** An unmeasured replica costs nothing, so it is tried and measured. */
    private static double cost(ReplicaCandidate candidate) {
        return (double) candidate.latencyNanos() * (candidate.inFlight() + 1);
    }

    @Override
    public String toString() {
        return "lowest-latency";
    }
}
