package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.BenchOptions;
import io.github.understudy.benchmarks.results.Report;
import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.ServerCounters;
import io.github.understudy.benchmarks.support.ServerCpu;
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
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
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
            "time", "threads", "countOperations", "replicas", "variants", "suites", "pointVariants",
            "pointSessionState", "pointThreads", "cpuOperations", "jfr", "earlierCore", "pointDirect", "cpuJfr");
    private static final String CLUSTER_NAME = "routing";

    private RoutingMain() {
    }

    /**
     * @param args {@code --key=value} options; see benchmarks/README.md
     * @return the exit status
     */
    public static int run(String[] args) throws Exception {
        BenchOptions options = BenchOptions.parse(args, OPTIONS);
        List<String> suites = options.words("suites", List.of("select1", "point"));
        try (ReplicationCluster cluster = ReplicationCluster.builder().name(CLUSTER_NAME)
                .replicas(options.integer("replicas", 2)).start()) {
            ClusterAccess access = ClusterAccess.of(cluster);
            if (suites.contains("point")) {
                boolean direct = options.flag("pointDirect", true);
                Report report = report("routing-point", "Routing overhead on point reads and writes: Understudy vs "
                        + "plain HikariCP and the alternatives", options, cluster)
                        .meta("connections", direct ? "straight to the servers' ports (no test-kit proxy)"
                                : "through the test kit's TCP proxies");
                point(options, cluster, direct ? ClusterAccess.direct(cluster) : access, report);
                write(report);
            }
            if (suites.contains("select1")) {
                Report report = report("routing", "Routing overhead: Understudy vs plain HikariCP and the "
                        + "alternatives", options, cluster)
                        .meta("connections", "through the test kit's TCP proxies");
                select1(options, cluster, access, report);
                write(report);
            }
        }
        return 0;
    }

    private static Report report(String name, String title, BenchOptions options, ReplicationCluster cluster) {
        return new Report(name, title).meta("options", options.given())
                .meta("servers", cluster.flavor() + " " + cluster.version() + ", 1 master + "
                        + (cluster.nodes().size() - 1) + " replicas (test kit, loopback)");
    }

    private static void write(Report report) {
        LOG.info("routing results written to {}", report.write());
        System.out.println(report.markdown());
    }

    /** The first benchmark: {@code SELECT 1}, one thread, Understudy's default pools. */
    private static void select1(BenchOptions options, ReplicationCluster cluster, ClusterAccess access, Report report)
            throws Exception {
        List<String> variants = options.words("variants", Arrays.stream(Variant.values()).map(Variant::label).toList());
        ChainedOptionsBuilder jmh = jmh(options, access, "routing-jmh.json", List.of()).include(RoutingBenchmark.class.getName())
                .param("variant", variants.toArray(String[]::new))
                .threads(options.integer("threads", 1));
        Collection<RunResult> results = new Runner(jmh.build()).run();
        Map<String, Map<String, StatementCount.PerOperation>> statements = new LinkedHashMap<>();
        int operations = options.integer("countOperations", 1000);
        try (ServerCounters counters = new ServerCounters(cluster, cluster.nodes())) {
            for (String variant : variants) {
                statements.put(variant, StatementCount.measure(Variant.of(variant), access, counters, operations));
            }
        }
        new RoutingReport(results, statements).addTo(report, options);
    }

    /** The point workload: point reads and writes by key, several threads, pools of 4, session state on and off. */
    private static void point(BenchOptions options, ReplicationCluster cluster, ClusterAccess access, Report report)
            throws Exception {
        cluster.execute(cluster.master(), PointOperations.schema(cluster.database()));
        cluster.awaitReplicasCaughtUp();
        String earlier = options.text("earlierCore", "");
        List<String> jvmArgs = new java.util.ArrayList<>();
        List<String> variants = options.words("pointVariants", Arrays.stream(PointVariant.values())
                .filter(v -> v != PointVariant.UNDERSTUDY_EARLIER || !earlier.isEmpty()).map(PointVariant::label)
                .toList());
        if (!earlier.isEmpty()) {
            System.setProperty(EarlierUnderstudy.PROPERTY, earlier); // for the statement count and CPU account
            jvmArgs.add("-D" + EarlierUnderstudy.PROPERTY + "=" + earlier);
        }
        List<String> sessionState = options.words("pointSessionState", List.of("true", "false"));
        int threads = options.integer("pointThreads", 2);
        ChainedOptionsBuilder jmh = jmh(options, access, "routing-point-jmh.json", jvmArgs).include(PointBenchmark.class.getName())
                .param("variant", variants.toArray(String[]::new))
                .param("localSessionState", sessionState.toArray(String[]::new))
                .threads(threads);
        Collection<RunResult> results = new Runner(jmh.build()).run();
        Map<String, Map<String, StatementCount.PerOperation>> statements = new LinkedHashMap<>();
        Map<String, Map<String, CpuAccount.Account>> accounts = new LinkedHashMap<>();
        int operations = options.integer("countOperations", 1000);
        int cpuOperations = options.integer("cpuOperations", 20000);
        ServerCpu servers = ServerCpu.of(cluster, CLUSTER_NAME);
        String cpuJfr = options.text("cpuJfr", "");
        try (ServerCounters counters = new ServerCounters(cluster, cluster.nodes())) {
            for (String variant : variants) {
                for (String lss : sessionState) {
                    PointVariant chosen = PointVariant.of(variant);
                    boolean local = Boolean.parseBoolean(lss);
                    String key = PointReport.key(variant, local);
                    statements.put(key, StatementCount.measure(chosen, local, access, counters, operations));
                    if (cpuOperations > 0) {
                        accounts.put(key, CpuAccount.measure(chosen, local, access, servers, threads,
                                cpuOperations / threads, cpuJfr.isEmpty() ? null : Path.of(cpuJfr)));
                    }
                }
            }
        }
        new PointReport(results, statements, accounts).addTo(report, threads);
    }

    private static ChainedOptionsBuilder jmh(BenchOptions options, ClusterAccess access, String rawFile,
                                             List<String> extraJvmArgs) {
        List<String> jvmArgs = new java.util.ArrayList<>(List.of("-Xmx1g", "-D" + ClusterAccess.PROPERTY + "="
                + access.encode()));
        jvmArgs.addAll(extraJvmArgs);
        Path raw = Path.of(System.getProperty(Report.DIRECTORY_PROPERTY, "results"), rawFile);
        raw.toFile().getParentFile().mkdirs();
        ChainedOptionsBuilder jmh = new OptionsBuilder()
                .forks(options.integer("forks", 2))
                .warmupIterations(options.integer("warmupIterations", 5))
                .warmupTime(time(options.duration("warmupTime", Duration.ofSeconds(2))))
                .measurementIterations(options.integer("iterations", 5))
                .measurementTime(time(options.duration("time", Duration.ofSeconds(2))))
                .addProfiler(GCProfiler.class)
                .jvmArgsAppend(jvmArgs.toArray(String[]::new))
                .shouldFailOnError(true)
                .resultFormat(ResultFormatType.JSON)
                .result(raw.toString());
        String jfr = options.text("jfr", "");
        if (!jfr.isEmpty()) { // a directory: one recording per trial, with allocation and CPU samples
            jmh.addProfiler(JavaFlightRecorderProfiler.class, "dir=" + jfr + ";configName=profile");
        }
        return jmh;
    }

    private static TimeValue time(Duration duration) {
        return TimeValue.milliseconds(duration.toMillis());
    }
}
