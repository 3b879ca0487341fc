package io.github.understudy.benchmarks.chaos;

import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.testkit.Engine;
import io.github.understudy.testkit.ReplicationCluster;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A seeded, bounded chaos run: segments of random faults under load from several Understudy instances on one
 * loopback cluster, each segment judged by {@link ChaosChecker}; at the end, no server process may be left.
 * The long command ({@link ChaosMain}) and the short CI test run this same code.
 */
public final class ChaosRunner {

    private static final Logger LOG = LoggerFactory.getLogger(ChaosRunner.class);
    private static final int MAX_SEGMENTS = 500;

    private ChaosRunner() {
    }

    /**
     * The outcome of a run.
     *
     * @param settings      how it ran
     * @param servers       the servers, e.g. {@code MARIADB 11.4.5}
     * @param segments      every segment with its verdict
     * @param processesLeft server processes still alive after the cluster was closed
     * @param millis        how long the run took
     */
    public record Result(ChaosSettings settings, String servers, List<Segment.Result> segments,
                         List<String> processesLeft, long millis) {

        /** @return every violation, each prefixed with its segment */
        public List<String> violations() {
            List<String> all = new ArrayList<>();
            segments.forEach(s -> s.verdict().violations().forEach(v -> all.add("segment " + s.index() + ": " + v)));
            if (!processesLeft.isEmpty()) {
                all.add("server processes left after close: " + processesLeft);
            }
            return all;
        }

        /**
         * Liveness, reported but not a violation: segments that did not settle after a fault, and instances that
         * had no write target once every fault was healed.
         *
         * @return one line per problem
         */
        public List<String> warnings() {
            List<String> all = new ArrayList<>();
            for (Segment.Result s : segments) {
                if (s.endReason().startsWith("not settled")) {
                    all.add("segment " + s.index() + ": " + s.endReason());
                }
                s.targets().stream().filter(t -> t.endsWith("-> none")).forEach(t -> all.add("segment " + s.index()
                        + ": " + t + " (refused writes once every fault was healed)"));
            }
            return all;
        }

        /** @return how many faults were applied */
        public int faults() {
            return segments.stream().mapToInt(s -> s.faults().size()).sum();
        }

        /** @return how many acknowledged writes were checked against the final masters */
        public long acknowledgedWrites() {
            return segments.stream().mapToLong(s -> s.verdict().counts().getOrDefault("writes acknowledged", 0L))
                    .sum();
        }
    }

    /**
     * @param settings the run's settings
     * @param engine   where the servers come from
     * @return the outcome
     */
    public static Result run(ChaosSettings settings, Engine engine) {
        Random random = new Random(settings.seed());
        AtomicLong ids = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + settings.duration().toNanos();
        List<Segment.Result> segments = new ArrayList<>();
        String servers;
        try (ReplicationCluster cluster = ReplicationCluster.builder().engine(engine).name("chaos")
                .replicas(settings.replicas()).semiSync(settings.semiSync()).gtid(settings.gtid()).start()) {
            servers = cluster.flavor() + " " + cluster.version() + ", 1 master + " + settings.replicas()
                    + " replicas" + (settings.semiSync() ? ", semi-sync" : ", asynchronous")
                    + (settings.gtid() ? "" : ", by binary log coordinates");
            int faults = 0;
            while (System.nanoTime() < deadline && faults < settings.maxFaults() && segments.size() < MAX_SEGMENTS) {
                Segment.Result segment = new Segment(cluster, settings, random, segments.size() + 1)
                        .run(start, deadline, settings.maxFaults() - faults, ids);
                segments.add(segment);
                faults += segment.faults().size();
                if (segment.faults().isEmpty()) {
                    break;
                }
            }
        }
        List<String> left = serverProcesses(Duration.ofSeconds(15));
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info("chaos run: {} segments, {} ms, processes left: {}", segments.size(), millis, left);
        return new Result(settings, servers, segments, left, millis);
    }

    /** Server processes started by this JVM (through the test kit's watchdogs) still alive after a bounded wait. */
    static List<String> serverProcesses(Duration wait) {
        List<String> left = List.of();
        long deadline = System.nanoTime() + wait.toNanos();
        do {
            left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("mariadbd") || c.contains("mysqld"))
                            .orElse(false))
                    .map(p -> p.pid() + " " + p.info().command().orElse("")).toList();
            if (!left.isEmpty()) {
                Sleep.millis(250);
            }
        } while (!left.isEmpty() && System.nanoTime() < deadline);
        return left;
    }
}
