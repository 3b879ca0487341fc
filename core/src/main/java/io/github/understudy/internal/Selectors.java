package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaSelector;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/** The built-in {@link ReplicaSelector}s behind the interface's static factories. */
public final class Selectors {

    /** The names {@link #named(String)} accepts, in the order error messages list them. */
    static final List<String> NAMES = List.of("round-robin", "random", "least-in-flight", "lowest-latency");

    private static final Supplier<RandomGenerator> RANDOM = ThreadLocalRandom::current;

    private Selectors() {
    }

    /** {@return a new round-robin selector} */
    public static ReplicaSelector roundRobin() {
        return new RoundRobinSelector();
    }

    /** {@return a new uniformly random selector} */
    public static ReplicaSelector random() {
        return new RandomSelector(RANDOM);
    }

    /**
     * Returns a new weighted random selector.
     *
     * @param weights weight per replica, each {@code >= 0}; absent replicas weigh 1
     * @return the selector
     */
    public static ReplicaSelector weighted(Map<HostAndPort, Integer> weights) {
        return new WeightedSelector(weights, RANDOM);
    }

    /** {@return a new fewest-in-flight selector} */
    public static ReplicaSelector leastInFlight() {
        return new LeastInFlightSelector(RANDOM);
    }

    /** {@return a new power-of-two-choices latency selector} */
    public static ReplicaSelector lowestLatency() {
        return new LowestLatencySelector(RANDOM);
    }

    /**
     * Returns a new built-in selector by its configuration name.
     *
     * @param name one of {@link #NAMES}, case-insensitive
     * @return the selector
     */
    public static ReplicaSelector named(String name) {
        String key = Check.notNull("readStrategy", name).strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case "round-robin":
                return roundRobin();
            case "random":
                return random();
            case "least-in-flight":
                return leastInFlight();
            case "lowest-latency":
                return lowestLatency();
            case "weighted":
                throw Check.invalid("readStrategy", "one of " + NAMES, name,
                        " (weighted needs a weight per host: use ReplicaSelector.weighted(Map))");
            default:
                throw Check.invalid("readStrategy", "one of " + NAMES, name);
        }
    }

    /**
     * Returns the nodes a selector names in its own settings, so that the configuration can check that they are
     * configured hosts.
     *
     * @param selector any selector
     * @return the weighted selector's addresses; empty for the others
     */
    public static Set<HostAndPort> nodesNamedBy(ReplicaSelector selector) {
        return selector instanceof WeightedSelector weighted ? weighted.weights().keySet() : Set.of();
    }

    /**
     * Returns the number of candidates, refusing an empty list: the caller decides what "no healthy replica" means.
     *
     * @throws IllegalArgumentException when there are no candidates
     */
    static int checkedSize(List<?> candidates) {
        int size = candidates.size();
        if (size == 0) {
            throw new IllegalArgumentException("candidates must not be empty: the caller handles 'no healthy replica'");
        }
        return size;
    }
}
