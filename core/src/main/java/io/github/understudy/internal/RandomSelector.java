package io.github.understudy.internal;

import io.github.understudy.ReplicaCandidate;
import io.github.understudy.ReplicaSelector;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** Picks a candidate uniformly at random. */
final class RandomSelector implements ReplicaSelector {

    private final Supplier<? extends RandomGenerator> random;

    /** Creates the selector; {@code random} gives the calling thread's generator, as ThreadLocalRandom does. */
    RandomSelector(Supplier<? extends RandomGenerator> random) {
        this.random = random;
    }

    @Override
    public <C extends ReplicaCandidate> C select(List<C> candidates) {
        int size = Selectors.checkedSize(candidates);
        return size == 1 ? candidates.get(0) : candidates.get(random.get().nextInt(size));
    }

    @Override
    public String toString() {
        return "random";
    }
}
