package io.github.understudy.benchmarks.failover;

import io.github.understudy.LagSource;
import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.benchmarks.support.Defaults;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The failover and eviction timing harness: on one 1+2 cluster under a steady load of writes and reads, repeats
 * each {@link Fault} and reports min/median/max of every phase against the targets; writes
 * {@code failover.json}/{@code failover.md}. Timing is reported, never asserted.
 */
public final class FailoverMain {

    private static final Logger LOG = LoggerFactory.getLogger(FailoverMain.class);
    private static final Set<String> OPTIONS = Set.of("repetitions", "faults", "writesPerSecond", "readsPerSecond",
            "warmUp", "observe", "timeout", "lagSource");

    private FailoverMain() {
    }

    /**
     * @param args {@code --key=value} options; see benchmarks/README.md
     * @return the exit status
     */
    public static int run(String[] args) {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        int repetitions = options.integer("repetitions", 10);
        List<Fault> faults = options.words("faults", Arrays.stream(Fault.values()).map(Fault::label).toList())
                .stream().map(Fault::of).toList();
        Episode.Settings settings = new Episode.Settings(options.integer("writesPerSecond", 100),
                options.integer("readsPerSecond", 100), options.duration("warmUp", Duration.ofSeconds(2)),
                options.duration("observe", Duration.ofSeconds(2)),
                options.duration("timeout", Duration.ofSeconds(30)),
                LagSource.valueOf(options.text("lagSource", Defaults.CONFIG.lagSource().name())));
        try (ReplicationCluster cluster = ReplicationCluster.builder().name("failover").replicas(2).start()) {
            Episode episode = new Episode(cluster, settings);
            Map<Fault, List<Episode.Outcome>> results = new LinkedHashMap<>();
            for (Fault fault : faults) {
                List<Episode.Outcome> runs = new ArrayList<>();
                for (int i = 1; i <= repetitions; i++) {
                    runs.add(repetition(episode, fault, i, repetitions));
                }
                results.put(fault, runs);
            }
            Report report = FailoverReport.build(results, options, cluster.flavor() + " " + cluster.version()
                    + ", 1 master + 2 replicas (test kit, loopback)");
            LOG.info("failover results written to {}", report.write());
            System.out.println(report.markdown());
        }
        return 0;
    }

    private static Episode.Outcome repetition(Episode episode, Fault fault, int i, int of) {
        try {
            Episode.Outcome outcome = episode.run(fault, i);
            LOG.info("{} {}/{}: {}; errors: {}", fault.label(), i, of, outcome.metrics(), outcome.errors());
            return outcome;
        } catch (RuntimeException e) {
            LOG.warn("{} {}/{} failed: {}", fault.label(), i, of, e.toString(), e);
            return new Episode.Outcome(new EnumMap<>(Metric.class), Map.of("harness", e.toString()));
        }
    }
}
