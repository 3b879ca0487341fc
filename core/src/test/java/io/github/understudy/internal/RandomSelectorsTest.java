package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import io.github.understudy.ReplicaSelector;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The selectors that draw at random, each with a seeded generator so that the counts are reproducible. */
class RandomSelectorsTest {

    private final TestCandidate a = TestCandidate.of("db1:3306");
    private final TestCandidate b = TestCandidate.of("db2:3306");
    private final TestCandidate c = TestCandidate.of("db3:3306");
    private final SplittableRandom seeded = new SplittableRandom(42);

    @Test
    void randomSpreadsUniformly() {
        Map<TestCandidate, Integer> counts = Picks.count(new RandomSelector(() -> seeded), List.of(a, b, c), 30_000);

        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isBetween(9_500, 10_500));
    }

    @Test
    void randomWithTheThreadsGeneratorReachesEveryCandidate() {
        Map<TestCandidate, Integer> counts = Picks.count(ReplicaSelector.random(), List.of(a, b, c), 3_000);

        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isPositive());
    }

    @Test
    void weightedFollowsTheWeights() {
        ReplicaSelector selector = new WeightedSelector(Map.of(a.address(), 3), () -> seeded);

        Map<TestCandidate, Integer> counts = Picks.count(selector, List.of(a, b), 40_000);

        assertThat(counts.get(a)).isBetween(28_500, 31_500);
        assertThat(counts.get(b)).isBetween(9_500, 10_500);
    }

    @Test
    void weightedWithTheThreadsGeneratorFollowsTheWeights() {
        ReplicaSelector selector = ReplicaSelector.weighted(Map.of(a.address(), 1, b.address(), 3));

        Map<TestCandidate, Integer> counts = Picks.count(selector, List.of(a, b), 40_000);

        assertThat(counts.get(b)).isBetween(28_500, 31_500);
    }

    @Test
    void weightZeroServesOnlyWhenEveryCandidateWeighsZero() {
        ReplicaSelector selector = new WeightedSelector(Map.of(a.address(), 0, b.address(), 0), () -> seeded);

        assertThat(Picks.count(selector, List.of(a, b, c), 1_000)).containsEntry(a, 0).containsEntry(b, 0);
        assertThat(Picks.count(selector, List.of(a, b), 10_000).values())
                .allSatisfy(n -> assertThat(n).isBetween(4_750, 5_250));
    }

    @Test
    void weightedRejectsNegativeWeights() {
        Map<HostAndPort, Integer> weights = new HashMap<>();
        weights.put(a.address(), -1);

        assertThatThrownBy(() -> ReplicaSelector.weighted(weights))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("weights[db1:3306] must be >= 0, but was -1");
    }

    @Test
    void weightedPrintsItsWeightsSorted() {
        assertThat(ReplicaSelector.weighted(Map.of(b.address(), 1, a.address(), 3)))
                .hasToString("weighted{db1:3306=3, db2:3306=1}");
    }

    @Test
    void leastInFlightPicksTheIdlestAndSpreadsTies() {
        TestCandidate busy = TestCandidate.of("db1:3306", 2, 0);
        TestCandidate idle1 = TestCandidate.of("db2:3306", 0, 0);
        TestCandidate idle2 = TestCandidate.of("db3:3306", 0, 0);
        TestCandidate busiest = TestCandidate.of("db4:3306", 5, 0);

        Map<TestCandidate, Integer> counts = Picks.count(new LeastInFlightSelector(() -> seeded),
                List.of(busy, idle1, idle2, busiest), 10_000);

        assertThat(counts).containsEntry(busy, 0).containsEntry(busiest, 0);
        assertThat(counts.get(idle1)).isBetween(4_750, 5_250);
    }

    @Test
    void leastInFlightPicksTheSingleMinimumWherever() {
        TestCandidate idle = TestCandidate.of("db3:3306", 1, 0);
        List<TestCandidate> candidates = List.of(TestCandidate.of("db1:3306", 4, 0), TestCandidate.of("db2:3306", 2, 0),
                idle);

        assertThat(ReplicaSelector.leastInFlight().select(candidates)).isSameAs(idle);
    }

    @Test
    void lowestLatencyTakesTheCheaperOfTwo() {
        TestCandidate fast = TestCandidate.of("db1:3306", 0, 1_000_000);
        TestCandidate slow = TestCandidate.of("db2:3306", 0, 5_000_000);

        assertThat(Picks.count(ReplicaSelector.lowestLatency(), List.of(fast, slow), 100)).containsEntry(fast, 100);
    }

    @Test
    void lowestLatencyWeighsLatencyByRequestsInFlight() {
        TestCandidate fastButBusy = TestCandidate.of("db1:3306", 9, 1_000_000);
        TestCandidate slowButIdle = TestCandidate.of("db2:3306", 0, 5_000_000);

        assertThat(ReplicaSelector.lowestLatency().select(List.of(fastButBusy, slowButIdle))).isSameAs(slowButIdle);
    }

    @Test
    void lowestLatencyTriesAnUnmeasuredReplica() {
        TestCandidate measured = TestCandidate.of("db1:3306", 0, 1_000);
        TestCandidate unmeasured = TestCandidate.of("db2:3306", 0, 0);

        assertThat(ReplicaSelector.lowestLatency().select(List.of(measured, unmeasured))).isSameAs(unmeasured);
    }

    @Test
    void lowestLatencyNeverPicksTheWorstOfThreeAndFavoursTheBest() {
        TestCandidate best = TestCandidate.of("db1:3306", 0, 1_000);
        TestCandidate middle = TestCandidate.of("db2:3306", 0, 2_000);
        TestCandidate worst = TestCandidate.of("db3:3306", 0, 3_000);

        Map<TestCandidate, Integer> counts = Picks.count(new LowestLatencySelector(() -> seeded),
                List.of(best, middle, worst), 30_000);

        assertThat(counts.get(worst)).isZero();
        assertThat(counts.get(best)).isBetween(19_000, 21_000);
    }

    @Test
    void everySelectorRefusesAnEmptyListAndReturnsTheOnlyCandidate() {
        for (String name : Selectors.NAMES) {
            ReplicaSelector selector = ReplicaSelector.named(name);
            assertThat(selector.select(List.of(b))).as(name).isSameAs(b);
            assertThatThrownBy(() -> selector.select(List.of())).as(name).isInstanceOf(IllegalArgumentException.class);
        }
        ReplicaSelector weighted = ReplicaSelector.weighted(Map.of());
        assertThat(weighted.select(List.of(b))).isSameAs(b);
    }
}
