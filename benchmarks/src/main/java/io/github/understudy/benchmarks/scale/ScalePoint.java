package io.github.understudy.benchmarks.scale;

import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.benchmarks.support.ClusterConfigs;
import io.github.understudy.benchmarks.support.Defaults;
import io.github.understudy.benchmarks.support.Control;
import io.github.understudy.benchmarks.support.LoadGenerator;
import io.github.understudy.benchmarks.support.RequestLog;
import io.github.understudy.benchmarks.support.ServerCounters;
import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.benchmarks.support.Threads;
import io.github.understudy.testkit.ClusterNode;
import io.github.understudy.testkit.ReplicationCluster;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The monitoring cost of one DataSource on one cluster size: its threads, its admin sessions, the probe
 * statements the servers receive per probe interval while idle, the monitor's CPU time, and the threads it
 * creates while serving a load (none per request).
 */
final class ScalePoint {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ReplicationCluster cluster;
    private final Duration window;
    private final Duration loadWindow;

    ScalePoint(ReplicationCluster cluster, Duration window, Duration loadWindow) {
        this.cluster = cluster;
        this.window = window;
        this.loadWindow = loadWindow;
    }

    Map<String, Object> measure() throws SQLException {
        String name = "scale" + (cluster.nodes().size() - 1);
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("replicas", cluster.nodes().size() - 1);
        point.put("nodes", cluster.nodes().size());
        long jvmThreadsBefore = jvmThreads();
        try (UnderstudyDataSource dataSource = new UnderstudyDataSource(ClusterConfigs.defaults(cluster, name).build());
             ServerCounters counters = new ServerCounters(cluster, cluster.nodes())) {
            Sleep.millis(3000); // pools reach their minimum, probes run
            List<String> threads = Threads.named(List.of(name + "-"));
            point.put("monitorThreads", threads.stream().filter(t -> t.startsWith(name + "-monitor-")).count());
            point.put("poolThreads", threads.stream().filter(t -> !t.startsWith(name + "-monitor-")).count());
            point.put("threadsAddedToJvm", jvmThreads() - jvmThreadsBefore);
            point.put("adminSessions", sessions(cluster.adminUser().user()));
            point.put("applicationSessions", sessions(cluster.applicationUser().user()));
            idle(name, counters, point);
            underLoad(name, dataSource, point);
        }
        point.put("threadsLeftAfterClose", Threads.awaitGone(List.of(name + "-"), Duration.ofSeconds(10)).size());
        return point;
    }

    private void idle(String name, ServerCounters counters, Map<String, Object> point) throws SQLException {
        Map<String, Map<String, Long>> before = counters.read();
        long cpuBefore = cpu(name + "-monitor-");
        long started = System.nanoTime();
        Sleep.millis(window.toMillis());
        long elapsed = System.nanoTime() - started;
        long cpuAfter = cpu(name + "-monitor-");
        Map<String, Map<String, Long>> delta = ServerCounters.delta(before, counters.read(), List.of());
        double intervals = elapsed / (double) Defaults.CONFIG.probeInterval().toNanos();
        long probes = delta.values().stream().mapToLong(c -> c.getOrDefault("Com_show_variables", 0L)).sum();
        long statements = delta.values().stream().flatMap(c -> c.values().stream()).mapToLong(Long::longValue).sum();
        point.put("probesPerInterval", probes / intervals);
        point.put("statementsPerInterval", statements / intervals);
        point.put("monitorCpuMillisPerSecond", (cpuAfter - cpuBefore) / 1e6 / (elapsed / 1e9));
        point.put("idleStatementsByCounter", delta);
    }

    /** Serves a load and records every thread of the DataSource seen meanwhile: none may be per request. */
    private void underLoad(String name, UnderstudyDataSource dataSource, Map<String, Object> point) {
        cluster.execute(cluster.node("n1"), LoadGenerator.createTable(cluster.database()));
        Set<Long> before = ids(name + "-");
        Set<Long> seen = new HashSet<>(before);
        RequestLog log = new RequestLog(1 << 18);
        try (LoadGenerator load = LoadGenerator.start(new LoadGenerator.Spec(name + "load-", 100, 200, 64),
                dataSource, cluster.database(), 0, null, log, new AtomicLong())) {
            long deadline = System.nanoTime() + loadWindow.toNanos();
            while (System.nanoTime() < deadline) {
                seen.addAll(ids(name + "-"));
                Sleep.millis(50);
            }
            load.stop(Duration.ofSeconds(35));
        }
        seen.removeAll(before);
        point.put("requestsUnderLoad", log.total());
        point.put("failedRequestsUnderLoad", log.requests().stream().filter(r -> !r.ok()).count());
        point.put("threadsCreatedUnderLoad", seen.size());
    }

    /** Live threads, but the test kit's TCP proxy threads (two per proxied connection: not Understudy's). */
    private static long jvmThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .filter(t -> !t.getName().startsWith("understudy-proxy-")).count();
    }

    private int sessions(String user) {
        int total = 0;
        for (ClusterNode node : cluster.nodes()) {
            total += Control.sessions(cluster, node, user);
        }
        return total;
    }

    private static Set<Long> ids(String prefix) {
        Set<Long> ids = new HashSet<>();
        Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .forEach(t -> ids.add(t.getId()));
        return ids;
    }

    private static long cpu(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith(prefix))
                .mapToLong(t -> Math.max(0, THREADS.getThreadCpuTime(t.getId()))).sum();
    }
}
