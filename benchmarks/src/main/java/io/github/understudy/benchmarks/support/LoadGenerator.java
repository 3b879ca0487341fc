package io.github.understudy.benchmarks.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * A steady, open-loop load through one DataSource: a ticker starts a write and a read at fixed rates, whatever
 * the requests already running are doing (as a web application's callers would), on a bounded pool of workers.
 * A request stuck on a hung server therefore does not stop the others; when every worker is busy, new requests
 * are shed and counted. Writes insert a unique request id; reads are auto-commit, read-only. Whatever a request
 * throws is counted, an unchecked exception too, and a failure of {@code close()} after a write was acknowledged
 * as well: an application's try-with-resources would see it.
 */
public final class LoadGenerator implements AutoCloseable {

    /** The table every write goes to; {@link #createTable} makes it. */
    public static final String TABLE = "bench_writes";

    private final DataSource dataSource;
    private final String database;
    private final int instance;
    private final RoutingTrace trace;
    private final RequestLog log;
    private final AtomicLong ids;
    private final ScheduledExecutorService ticker;
    private final ThreadPoolExecutor workers;
    private final AtomicInteger threadsStarted = new AtomicInteger();

    /**
     * The load's shape.
     *
     * @param name            prefix of its threads
     * @param writesPerSecond writes started per second (0 for none)
     * @param readsPerSecond  reads started per second (0 for none)
     * @param maxWorkers      the most requests running at once
     */
    public record Spec(String name, int writesPerSecond, int readsPerSecond, int maxWorkers) {
    }

    private LoadGenerator(Spec spec, DataSource dataSource, String database, int instance, RoutingTrace trace,
                          RequestLog log, AtomicLong ids) {
        this.dataSource = dataSource;
        this.database = database;
        this.instance = instance;
        this.trace = trace;
        this.log = log;
        this.ids = ids;
        this.ticker = Executors.newSingleThreadScheduledExecutor(daemon(spec.name() + "-ticker", threadsStarted));
        this.workers = new ThreadPoolExecutor(2, spec.maxWorkers(), 10, TimeUnit.SECONDS, new SynchronousQueue<>(),
                daemon(spec.name() + "-worker", threadsStarted));
    }

    /**
     * Starts a load.
     *
     * @param spec       its shape
     * @param dataSource where requests go
     * @param database   the database holding {@link #TABLE}
     * @param instance   the DataSource's number, stored with each write
     * @param trace      the DataSource's routing trace (tells which node served each request), or null
     * @param log        where requests are recorded
     * @param ids        the source of write ids, shared by every load of a run
     * @return the running load; {@link #close()} it
     */
    public static LoadGenerator start(Spec spec, DataSource dataSource, String database, int instance,
                                      RoutingTrace trace, RequestLog log, AtomicLong ids) {
        LoadGenerator load = new LoadGenerator(spec, dataSource, database, instance, trace, log, ids);
        load.schedule(spec.writesPerSecond(), load::write);
        load.schedule(spec.readsPerSecond(), load::read);
        return load;
    }

    /**
     * @param database the application's database
     * @return the statement creating {@link #TABLE}: an auto-increment key, so that a write applied twice shows
     */
    public static String createTable(String database) {
        return "CREATE TABLE IF NOT EXISTS `" + database + "`." + TABLE + " (seq BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "request_id BIGINT NOT NULL, instance INT NOT NULL, KEY (request_id)) ENGINE=InnoDB";
    }

    private void schedule(int perSecond, Runnable request) {
        if (perSecond <= 0) {
            return;
        }
        long period = TimeUnit.SECONDS.toNanos(1) / perSecond;
        ticker.scheduleAtFixedRate(() -> submit(request), period, period, TimeUnit.NANOSECONDS);
    }

    private void submit(Runnable request) {
        try {
            workers.execute(request);
        } catch (RejectedExecutionException e) {
            log.shed();
        }
    }

    private void write() {
        long id = ids.incrementAndGet();
        long start = System.nanoTime();
        begin();
        boolean acknowledged = false;
        Throwable failure = null;
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO `" + database + "`." + TABLE
                     + " (request_id, instance) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setInt(2, instance);
            insert.executeUpdate();
            acknowledged = true; // auto-commit: acknowledged now, whatever closing says
        } catch (Throwable e) { // an unchecked exception escaping close() must be counted, not kill the worker
            failure = e;
        }
        finish(true, id, start, acknowledged, failure);
    }

    private void read() {
        long start = System.nanoTime();
        begin();
        boolean ok = false;
        Throwable failure = null;
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement("SELECT MAX(request_id) FROM `" + database
                    + "`." + TABLE); ResultSet rs = select.executeQuery()) {
                ok = rs.next();
            }
        } catch (Throwable e) {
            failure = e;
            ok = false;
        }
        finish(false, 0, start, ok, failure);
    }

    private void begin() {
        if (trace != null) {
            trace.begin();
        }
    }

    private void finish(boolean write, long id, long start, boolean ok, Throwable failure) {
        int node = trace == null ? -1 : trace.lastNode();
        String error = failure == null ? "" : RequestLog.kind(failure);
        log.record(new Request(write, id, instance, start, System.nanoTime(), ok, node, error), failure);
    }

    /** @return how many threads the load itself has started (its ticker and workers) */
    public int threadsStarted() {
        return threadsStarted.get();
    }

    /** @return how many requests are running now */
    public int running() {
        return workers.getActiveCount();
    }

    /**
     * Stops starting requests and waits for the running ones.
     *
     * @param wait how long to wait for them (a request on a hung server ends at its socket timeout)
     * @return how many were still running when the wait ended
     */
    public int stop(Duration wait) {
        ticker.shutdownNow();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return workers.getActiveCount();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Stops at once: running requests are interrupted where the driver allows. */
    @Override
    public void close() {
        ticker.shutdownNow();
        workers.shutdownNow();
    }

    private static ThreadFactory daemon(String prefix, AtomicInteger started) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            started.incrementAndGet();
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
