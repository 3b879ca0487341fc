package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaCandidate;
import io.github.understudy.ReplicaSelector;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Picks at random in proportion to fixed weights. Random rather than smooth weighted round-robin because it needs
 * no per-node state that would have to follow the candidate list as it changes.
 */
final class WeightedSelector implements ReplicaSelector {

    private static final int DEFAULT_WEIGHT = 1;

    private final Map<HostAndPort, Integer> weights;
    private final Supplier<? extends RandomGenerator> random;

    WeightedSelector(Map<HostAndPort, Integer> weights, Supplier<? extends RandomGenerator> random) {
        Check.notNull("weights", weights).forEach((address, weight) -> {
            Check.notNull("weights key", address);
            Check.atLeast("weights[" + address + "]", Check.notNull("weights[" + address + "]", weight), 0);
        });
        this.weights = Map.copyOf(weights);
        this.random = random;
    }

    Map<HostAndPort, Integer> weights() {
        return weights;
    }

    @Override
    public <C extends ReplicaCandidate> C select(List<C> candidates) {
        int size = Selectors.checkedSize(candidates);
        long total = 0;
        for (int i = 0; i < size; i++) {
            total += weightOf(candidates.get(i));
        }
        if (total == 0) {
            return candidates.get(random.get().nextInt(size));
        }
        long ticket = random.get().nextLong(total);
        for (int i = 0; i < size - 1; i++) {
            ticket -= weightOf(candidates.get(i));
            if (ticket < 0) {
                return candidates.get(i);
            }
        }
        return candidates.get(size - 1);
    }

    private int weightOf(ReplicaCandidate candidate) {
        return weights.getOrDefault(candidate.address(), DEFAULT_WEIGHT);
    }

    @Override
    public String toString() {
        return weights.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .sorted()
                .collect(Collectors.joining(", ", "weighted{", "}"));
    }
}
