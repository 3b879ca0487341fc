package io.github.understudy.benchmarks.fleet;

import io.github.understudy.FailoverSettings;
import io.github.understudy.PoolSettings;
import io.github.understudy.UnderstudyConfig;
import io.github.understudy.UnderstudyDataSource;
import io.github.understudy.benchmarks.support.ClusterAccess;
import io.github.understudy.benchmarks.support.ClusterConfigs;
import io.github.understudy.benchmarks.support.EventLog;
import io.github.understudy.benchmarks.support.LoadGenerator;
import io.github.understudy.benchmarks.support.Request;
import io.github.understudy.benchmarks.support.RequestLog;
import io.github.understudy.benchmarks.support.Sleep;
import io.github.understudy.benchmarks.support.Threads;
import io.github.understudy.event.FailoverFailed;
import io.github.understudy.event.FailoverHeldBack;
import io.github.understudy.event.MasterFailureDiagnosed;
import io.github.understudy.event.MasterPromoted;
import io.github.understudy.event.MasterRestored;
import io.github.understudy.event.NodeFenced;
import io.github.understudy.event.NodeRejoined;
import io.github.understudy.event.TopologyChanged;
import io.github.understudy.event.UnderstudyEvent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application instances one child JVM hosts: one DataSource each (tiny pools, otherwise Understudy's defaults
 * but for {@code healthyProbeInterval}), a watcher that records every change of each one's {@code writeTarget()}
 * (polled every {@value #WATCH_MILLIS} ms) and the peak of its threads, and on demand a steady load of writes each.
 */
final class ChildInstances implements AutoCloseable {

    static final int WATCH_MILLIS = 5;
    private static final int THREAD_SAMPLE_EVERY = 50; // watcher rounds: every 250 ms

    /** One instance. */
    private record Hosted(String name, int number, UnderstudyDataSource dataSource, List<FleetRecords.Change> history) {
    }

    private final ClusterAccess access;
    private final List<Hosted> hosted = new ArrayList<>();
    private final EventLog events = new EventLog();
    private final RequestLog requests = new RequestLog(1 << 20);
    private final AtomicLong ids;
    private final List<LoadGenerator> loads = new ArrayList<>();
    private final Map<String, Integer> peakThreads = new java.util.concurrent.ConcurrentHashMap<>();
    private final Thread watcher;
    private volatile boolean watching = true;
    private volatile FleetRecords.Switchover switchover;

    /**
     * Starts the instances one after the other, as pods of a deployment would.
     *
     * @param jvm the child's number: instances are named {@code f<jvm>i<k>}
     */
    ChildInstances(ClusterAccess access, int jvm, int count, int firstNumber, PoolSettings pool,
                   Duration healthyProbeInterval) {
        this.access = access;
        this.ids = new AtomicLong(jvm * 1_000_000_000_000L);
        for (int k = 0; k < count; k++) {
            String name = "f" + jvm + "i" + k;
            UnderstudyConfig config = ClusterConfigs.defaults(access, name).masterPool(pool).replicaPool(pool)
                    .healthyProbeInterval(healthyProbeInterval).listener(events)
                    .failover(FailoverSettings.builder().replicationCredentials(access.replicationUser(),
                            access.replicationPassword()).build())
                    .build();
            hosted.add(new Hosted(name, firstNumber + k, new UnderstudyDataSource(config),
                    Collections.synchronizedList(new ArrayList<>())));
        }
        watcher = new Thread(this::watch, "fleet-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    private void watch() {
        List<String> prefixes = hosted.stream().map(h -> h.name() + "-").toList();
        String[] last = new String[hosted.size()];
        for (long round = 0; watching; round++) {
            for (int i = 0; i < hosted.size(); i++) {
                String target = hosted.get(i).dataSource().writeTarget().map(Object::toString).orElse("");
                if (!target.equals(last[i])) {
                    last[i] = target;
                    hosted.get(i).history().add(new FleetRecords.Change(System.nanoTime(), target));
                }
            }
            if (round % THREAD_SAMPLE_EVERY == 0) {
                Threads.countByPrefix(prefixes).forEach((prefix, n) -> peakThreads.merge(prefix, n, Math::max));
            }
            Sleep.millis(WATCH_MILLIS);
        }
    }

    /** @return per instance, the threads named for it now */
    List<Integer> threadCounts() {
        Map<String, Integer> counts = Threads.countByPrefix(hosted.stream().map(h -> h.name() + "-").toList());
        return hosted.stream().map(h -> counts.get(h.name() + "-")).toList();
    }

    /** @return the names of the first instance's threads */
    List<String> firstInstanceThreads() {
        return Threads.named(List.of(hosted.get(0).name() + "-"));
    }

    /** @return where each instance sends writes now, "" for nowhere */
    List<String> targets() {
        return hosted.stream().map(h -> h.dataSource().writeTarget().map(Object::toString).orElse("")).toList();
    }

    /** Starts a steady load of writes on every instance, and forgets the peaks of threads seen so far. */
    void startLoad(int writesPerSecond) {
        peakThreads.clear();
        for (Hosted h : hosted) {
            loads.add(LoadGenerator.start(new LoadGenerator.Spec(h.name() + "load", writesPerSecond, 0, 64),
                    h.dataSource(), access.database(), h.number(), null, requests, ids));
        }
    }

    /** @return requests still running after waiting for them */
    int stopLoad(Duration wait) {
        int stuck = 0;
        for (LoadGenerator load : loads) {
            stuck += load.stop(wait);
        }
        return stuck;
    }

    /** Runs a planned switchover to {@code target} on the first instance, in the background. */
    void switchover(String target) {
        long started = System.nanoTime();
        switchover = new FleetRecords.Switchover(started, 0, "");
        Thread thread = new Thread(() -> {
            String error = "";
            try {
                hosted.get(0).dataSource().switchover(target);
            } catch (Exception e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            switchover = new FleetRecords.Switchover(started, System.nanoTime(), error);
        }, "fleet-switchover");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * @param since only events after this {@link System#nanoTime()}
     * @return every record of the report: instances, events since {@code since}, the switchover, errors
     */
    List<String> report(long since) {
        List<String> lines = new ArrayList<>();
        Map<Integer, long[]> writes = new java.util.HashMap<>();
        for (Request r : requests.requests()) {
            if (r.write()) {
                writes.computeIfAbsent(r.instance(), k -> new long[2])[r.ok() ? 0 : 1]++;
            }
        }
        for (Hosted h : hosted) {
            long[] w = writes.getOrDefault(h.number(), new long[2]);
            List<FleetRecords.Change> history;
            synchronized (h.history()) {
                history = List.copyOf(h.history());
            }
            lines.add(new FleetRecords.Instance(h.name(), w[0], w[1], peakThreads.getOrDefault(h.name() + "-", 0),
                    history).line());
        }
        for (EventLog.Timed timed : events.all()) {
            if (timed.nanos() >= since && !(timed.event() instanceof TopologyChanged)) {
                lines.add(new FleetRecords.Event(timed.nanos(), timed.event().dataSourceName(),
                        timed.event().getClass().getSimpleName(), detail(timed.event())).line());
            }
        }
        if (switchover != null) {
            lines.add(switchover.line());
        }
        requests.errorSummary().forEach((kind, summary) -> lines.add(new FleetRecords.Error(kind, summary).line()));
        return lines;
    }

    private static String detail(UnderstudyEvent event) {
        if (event instanceof MasterPromoted e) {
            return e.newMaster().toString();
        } else if (event instanceof NodeFenced e) {
            return e.node().toString();
        } else if (event instanceof NodeRejoined e) {
            return e.node().toString();
        } else if (event instanceof MasterFailureDiagnosed e) {
            return e.diagnosis().name();
        } else if (event instanceof FailoverHeldBack e) {
            return e.reason();
        } else if (event instanceof FailoverFailed e) {
            return e.reason();
        } else if (event instanceof MasterRestored e) {
            return e.node().toString();
        }
        return "";
    }

    /** @return the name prefixes of every thread the instances start */
    List<String> threadPrefixes() {
        return hosted.stream().map(h -> h.name() + "-").toList();
    }

    @Override
    public void close() {
        watching = false;
        loads.forEach(LoadGenerator::close);
        hosted.parallelStream().forEach(h -> h.dataSource().close());
    }
}
