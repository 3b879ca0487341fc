package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;

class RoundRobinSelectorTest {

    private final TestCandidate a = TestCandidate.of("db1:3306");
    private final TestCandidate b = TestCandidate.of("db2:3306");
    private final TestCandidate c = TestCandidate.of("db3:3306");
    private final RoundRobinSelector selector = new RoundRobinSelector();

    @Test
    void takesTheCandidatesInTurn() {
        List<TestCandidate> candidates = List.of(a, b, c);
        List<TestCandidate> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            picked.add(selector.select(candidates));
        }

        assertThat(picked).containsExactly(a, b, c, a, b, c);
    }

    @Test
    void sharesExactlyEvenly() {
        assertThat(Picks.count(selector, List.of(a, b, c), 3000)).containsOnly(
                Map.entry(a, 1000), Map.entry(b, 1000), Map.entry(c, 1000));
    }

    @Test
    void staysEvenWhenTheListShrinks() {
        Picks.count(selector, List.of(a, b, c), 1001);

        assertThat(Picks.count(selector, List.of(a, c), 1000)).containsOnly(Map.entry(a, 500), Map.entry(c, 500));
    }

    @Test
    void staysEvenWhenListsOfDifferentSizesAlternate() {
        List<TestCandidate> three = List.of(a, b, c);
        List<TestCandidate> two = List.of(a, c);
        Map<TestCandidate, Integer> fromThree = new HashMap<>();
        Map<TestCandidate, Integer> fromTwo = new HashMap<>();
        for (int i = 0; i < 600; i++) {
            fromThree.merge(selector.select(three), 1, Integer::sum);
            fromTwo.merge(selector.select(two), 1, Integer::sum);
        }

        assertThat(fromThree).containsOnly(Map.entry(a, 200), Map.entry(b, 200), Map.entry(c, 200));
        assertThat(fromTwo).containsOnly(Map.entry(a, 300), Map.entry(c, 300));
    }

    @Test
    void sharesExactlyEvenlyAcrossThreads() throws Exception {
        List<TestCandidate> candidates = List.of(a, b, c, TestCandidate.of("db4:3306"));
        Map<TestCandidate, LongAdder> counts = new ConcurrentHashMap<>();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                workers.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < 10_000; i++) {
                        counts.computeIfAbsent(selector.select(candidates), k -> new LongAdder()).increment();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(counts.values()).hasSize(4).allSatisfy(n -> assertThat(n.sum()).isEqualTo(10_000));
    }

    @Test
    void returnsTheOnlyCandidateAndRefusesNone() {
        assertThat(selector.select(List.of(b))).isSameAs(b);
        assertThatThrownBy(() -> selector.select(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
