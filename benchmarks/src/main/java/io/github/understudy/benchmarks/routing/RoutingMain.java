package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.ServerCounters;
import io.github.understudy.testkit.ReplicationCluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing overhead benchmark: starts one 1+N cluster, runs {@link RoutingBenchmark} for every variant in one
 * JMH run (forks reach the same servers), counts statements per operation on the servers, and writes
 * {@code routing.json}/{@code routing.md} (JMH's own JSON goes to {@code routing-jmh.json}).
 */
public final class RoutingMain {

    private static final Logger LOG = LoggerFactory.getLogger(RoutingMain.class);
    private static final Set<String> OPTIONS = Set.of("forks", "warmupIterations", "warmupTime", "iterations",
            "time", "threads", "countOperations", "replicas", "variants");

    private RoutingMain() {
    }

    /**
     * @param args {@code --key=value} options; see benchmarks/README.md
     * @return the exit status
     */
    public static int run(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        List<String> variants = options.words("variants", Arrays.stream(Variant.values()).map(Variant::label).toList());
        try (ReplicationCluster cluster = ReplicationCluster.builder().name("routing")
                .replicas(options.integer("replicas", 2)).start()) {
            ClusterAccess access = ClusterAccess.of(cluster);
            Collection<RunResult> jmh = jmh(options, variants, access);
            Map<String, Map<String, StatementCount.PerOperation>> statements = new LinkedHashMap<>();
            int operations = options.integer("countOperations", 1000);
            try (ServerCounters counters = new ServerCounters(cluster, cluster.nodes())) {
                for (String variant : variants) {
                    statements.put(variant, StatementCount.measure(Variant.of(variant), access, counters, operations));
                }
            }
            Report report = new RoutingReport(jmh, statements).build(options, cluster);
            LOG.info("routing results written to {}", report.write());
            System.out.println(report.markdown());
        }
        return 0;
    }

    private static Collection<RunResult> jmh(BenchOptions options, List<String> variants, ClusterAccess access)
            throws RunnerException {
        Path raw = Path.of(System.getProperty(Report.DIRECTORY_PROPERTY, "results"), "routing-jmh.json");
        raw.toFile().getParentFile().mkdirs();
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .include(RoutingBenchmark.class.getName())
                .param("variant", variants.toArray(String[]::new))
                .forks(options.integer("forks", 2))
                .warmupIterations(options.integer("warmupIterations", 5))
                .warmupTime(time(options.duration("warmupTime", Duration.ofSeconds(2))))
                .measurementIterations(options.integer("iterations", 5))
                .measurementTime(time(options.duration("time", Duration.ofSeconds(2))))
                .threads(options.integer("threads", 1))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend("-Xmx1g", "-D" + ClusterAccess.PROPERTY + "=" + access.encode())
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(raw.toString());
        return new Runner(jmh.build()).run();
    }

    private static TimeValue time(Duration duration) {
        return TimeValue.milliseconds(duration.toMillis());
    }
}
