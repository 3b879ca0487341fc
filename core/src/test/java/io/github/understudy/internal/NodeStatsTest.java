package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.understudy.HostAndPort;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NodeStatsTest {

    private static final HostAndPort NODE = HostAndPort.parse("db1:3306");

    @Test
    void latencyIsUnknownUntilTheFirstSampleWhichIsTakenAsItIs() {
        NodeStats stats = new NodeStats(NODE, 0.5);
        assertThat(stats.latencyNanos()).isZero();

        stats.record(1_000);

        assertThat(stats.latencyNanos()).isEqualTo(1_000);
    }

    @Test
    void latencyIsAnExponentiallyWeightedMovingAverage() {
        NodeStats stats = new NodeStats(NODE, 0.5);

        stats.record(100);
        stats.record(200);
        assertThat(stats.latencyNanos()).isEqualTo(150);

        stats.record(50);
        assertThat(stats.latencyNanos()).isEqualTo(100);
    }

    @Test
    void theDefaultAlphaWeighsANewSampleByOneFifth() {
        NodeStats stats = new NodeStats(NODE);

        stats.record(1_000);
        stats.record(2_000);

        assertThat(stats.latencyNanos()).isEqualTo(1_200);
    }

    @Test
    void aMeasuredLatencyIsNeverReportedAsUnknown() {
        NodeStats stats = new NodeStats(NODE);

        stats.record(0);

        assertThat(stats.latencyNanos()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.1, 1.5, Double.NaN})
    void rejectsAlphaOutsideZeroToOne(double alpha) {
        assertThatThrownBy(() -> new NodeStats(NODE, alpha))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("alpha must be in (0, 1], but was " + alpha);
    }

    @Test
    void rejectsNegativeSamples() {
        assertThatThrownBy(() -> new NodeStats(NODE).record(-1)).hasMessage("nanos must be >= 0, but was -1");
    }

    @Test
    void countsRequestsInFlight() {
        NodeStats stats = new NodeStats(NODE);

        stats.enter();
        stats.enter();
        stats.exit();

        assertThat(stats.inFlight()).isEqualTo(1);
        assertThat(stats.address()).isEqualTo(NODE);
    }

    @Test
    void exitWithoutEnterFailsAndLeavesTheCountAtZero() {
        NodeStats stats = new NodeStats(NODE);

        assertThatThrownBy(stats::exit).isInstanceOf(IllegalStateException.class).hasMessageContaining("db1:3306");
        assertThat(stats.inFlight()).isZero();
    }

    @Test
    void countsAndAveragesCorrectlyUnderContention() throws Exception {
        NodeStats stats = new NodeStats(NODE, 0.3);
        stats.record(5_000);

        runConcurrently(4, () -> {
            for (int i = 0; i < 20_000; i++) {
                stats.enter();
                stats.record(5_000);
                stats.exit();
            }
        });

        assertThat(stats.inFlight()).isZero();
        assertThat(stats.latencyNanos()).isEqualTo(5_000);
    }

    private static void runConcurrently(int threads, Runnable work) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    work.run();
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
