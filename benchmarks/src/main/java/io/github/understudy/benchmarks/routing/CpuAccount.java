package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.ServerCpu;
import io.github.understudy.benchmarks.support.Sleep;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.lang.management.ThreadMXBean;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jdk.jfr.Configuration;
import jdk.jfr.Recording;

/**
 * Where the time of a point operation goes, per variant: CPU time per operation of the load threads, of
 * Understudy's monitor threads, of the test kit's TCP proxies (they carry the application's traffic), of the rest
 * of this JVM (HikariCP, GC, JIT), and of each server, over a fixed number of operations on several threads, with
 * the wall time per operation beside them. It runs in the launching JVM, where the proxies live; it complements
 * JMH's timings with the one thing they cannot tell: who spent the CPU of two shared cores.
 */
final class CpuAccount {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * One operation's account, each figure in µs per operation.
     *
     * @param wall    elapsed time per operation on each thread (elapsed × threads / operations)
     * @param load    the threads running the operations
     * @param monitor Understudy's monitor threads (probes, failover ticks)
     * @param proxy   the test kit's TCP proxy threads
     * @param rest    the rest of this JVM
     * @param servers per node, its server
     */
    record Account(double wall, double load, double monitor, double proxy, double rest, Map<String, Double> servers) {
    }

    private CpuAccount() {
    }

    /**
     * @param recordings where to keep a Java Flight Recorder recording of each operation's account (CPU samples
     *                   every millisecond, allocation samples), or null for none
     * @return per operation ({@code read}, {@code write}), the account
     */
    static Map<String, Account> measure(PointVariant variant, boolean localSessionState, ClusterAccess access,
                                        ServerCpu servers, int threads, int perThread, Path recordings)
            throws Exception {
        Map<String, Account> accounts = new LinkedHashMap<>();
        try (PointVariant.Opened opened = variant.open(access, localSessionState)) {
            PointOperations.warmUp(opened);
            for (int pass = 0; pass < 2; pass++) { // JIT warm-up, not counted (an earlier core's classes are new)
                run(threads, perThread, () -> PointOperations.read(opened.reads()));
                run(threads, perThread / 2, () -> PointOperations.write(opened.writes()));
            }
            Sleep.millis(500);
            String name = PointReport.key(variant.label(), localSessionState).replace(' ', '-');
            accounts.put("read", recorded(recordings, name + "-read", () -> account(servers, threads, perThread,
                    () -> PointOperations.read(opened.reads()))));
            accounts.put("write", recorded(recordings, name + "-write", () -> account(servers, threads, perThread,
                    () -> PointOperations.write(opened.writes()))));
        }
        return accounts;
    }

    @FunctionalInterface
    private interface Operation {
        void run() throws SQLException;
    }

    @FunctionalInterface
    private interface Measurement {
        Account run() throws Exception;
    }

    /** Runs the measurement under a flight recording written to {@code directory/name.jfr}, if a directory is given. */
    private static Account recorded(Path directory, String name, Measurement measurement) throws Exception {
        if (directory == null) {
            return measurement.run();
        }
        Files.createDirectories(directory);
        try (Recording recording = new Recording(Configuration.getConfiguration("profile"))) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
            recording.start();
            Account account = measurement.run();
            recording.stop();
            recording.dump(directory.resolve(name + ".jfr"));
            return account;
        }
    }

    private static Account account(ServerCpu servers, int threads, int perThread, Operation operation)
            throws Exception {
        Map<String, Long> threadsBefore = threadCpu();
        Map<String, Long> serversBefore = servers.read();
        long processBefore = processCpu();
        long started = System.nanoTime();
        long load = run(threads, perThread, operation);
        long elapsed = System.nanoTime() - started;
        long process = processCpu() - processBefore;
        Map<String, Long> serversAfter = servers.read();
        Map<String, Long> threadsAfter = threadCpu();
        double operations = (double) threads * perThread;
        long monitor = delta(threadsBefore, threadsAfter, "monitor");
        long proxy = delta(threadsBefore, threadsAfter, "proxy");
        Map<String, Double> server = new LinkedHashMap<>();
        serversAfter.forEach((node, cpu) -> server.put(node, micros(cpu - serversBefore.getOrDefault(node, cpu),
                operations)));
        return new Account(micros(elapsed * threads, operations), micros(load, operations),
                micros(monitor, operations), micros(proxy, operations),
                micros(Math.max(0, process - load - monitor - proxy), operations), server);
    }

    /** Runs the operation {@code perThread} times on each of {@code threads} threads; returns their CPU time. */
    private static long run(int threads, int perThread, Operation operation) throws Exception {
        AtomicLong cpu = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            workers[t] = new Thread(() -> {
                long before = THREADS.getCurrentThreadCpuTime();
                try {
                    for (int i = 0; i < perThread; i++) {
                        operation.run();
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
                cpu.addAndGet(THREADS.getCurrentThreadCpuTime() - before);
            }, "point-load-" + t);
            workers[t].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        return cpu.get();
    }

    /** CPU time so far of the monitor and proxy threads alive now, by thread id. */
    private static Map<String, Long> threadCpu() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            String kind = kind(thread.getName());
            if (kind != null) {
                cpu.put(kind + "/" + thread.getId(), THREADS.getThreadCpuTime(thread.getId()));
            }
        }
        return cpu;
    }

    private static String kind(String threadName) {
        if (threadName.contains("-monitor-")) {
            return "monitor";
        }
        return threadName.startsWith("understudy-proxy-") ? "proxy" : null;
    }

    /** CPU time of the threads of one kind between two readings (threads that started meanwhile: from zero). */
    private static long delta(Map<String, Long> before, Map<String, Long> after, String kind) {
        long total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            if (entry.getKey().startsWith(kind + "/") && entry.getValue() >= 0) {
                total += entry.getValue() - Math.max(0, before.getOrDefault(entry.getKey(), 0L));
            }
        }
        return total;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double micros(long nanos, double operations) {
        return nanos / 1000.0 / operations;
    }
}
