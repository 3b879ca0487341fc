package io.github.understudy.examples.demo;

import io.github.understudy.HostAndPort;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;

/**
 * The application under test: writer threads INSERT rows with unique ids, reader threads look rows up
 * ({@code setReadOnly(true)}, so they go to replicas), both as fast as the cluster answers. Every request's
 * outcome and time is recorded for the summary; live counters per node feed the terminal.
 */
final class LoadGenerator implements AutoCloseable {

    static final String TABLE = "demo_writes";

    /** After a failure a client backs off a little instead of spinning on errors. */
    private static final long BACK_OFF_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final DataSource dataSource;
    private final NodeTracker tracker;
    private final NodeNames names;
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong highestAcknowledged = new AtomicLong();
    private final Map<String, NodeCounts> perNode = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> lastWriteAt = new ConcurrentHashMap<>();
    private final LongAdder failedWrites = new LongAdder();
    private final LongAdder failedReads = new LongAdder();
    private final Map<String, LongAdder> failedWritesByState = new ConcurrentHashMap<>();
    private final List<List<Outcome>> recorded = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;

    /** Successful requests served by one node. */
    static final class NodeCounts {
        final LongAdder writes = new LongAdder();
        final LongAdder reads = new LongAdder();
    }

    LoadGenerator(DataSource dataSource, NodeTracker tracker, NodeNames names) {
        this.dataSource = dataSource;
        this.tracker = tracker;
        this.names = names;
        names.all().forEach(name -> perNode.put(name, new NodeCounts()));
    }

    /** Starts the threads; they run until {@link #close()}. */
    void start(int writers, int readers) {
        for (int i = 0; i < writers + readers; i++) {
            boolean write = i < writers;
            Thread thread = new Thread(() -> loop(write), (write ? "writer-" : "reader-") + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void loop(boolean write) {
        List<Outcome> mine = new ArrayList<>(50_000);
        recorded.add(mine);
        while (running) {
            Outcome outcome = write ? write() : read();
            mine.add(outcome);
            if (!outcome.ok()) {
                LockSupport.parkNanos(BACK_OFF_NANOS);
            }
        }
    }

    private Outcome write() {
        long id = ids.incrementAndGet();
        tracker.take();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO " + TABLE + " (id, payload) VALUES (?, ?)")) {
            insert.setLong(1, id);
            insert.setString(2, "order " + id);
            insert.executeUpdate();
            String node = names.of(tracker.take());
            long end = System.nanoTime();
            perNode.computeIfAbsent(node, n -> new NodeCounts()).writes.increment();
            lastWriteAt.computeIfAbsent(node, n -> new AtomicLong()).set(end);
            highestAcknowledged.accumulateAndGet(id, Math::max);
            return new Outcome(true, id, node, start, end, null, null);
        } catch (SQLException e) {
            failedWrites.increment();
            failedWritesByState.computeIfAbsent(String.valueOf(e.getSQLState()), s -> new LongAdder()).increment();
            return failed(true, id, start, e);
        }
    }

    private Outcome read() {
        long id = 1 + ThreadLocalRandom.current().nextLong(Math.max(1, highestAcknowledged.get()));
        tracker.take();
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT payload FROM " + TABLE + " WHERE id = ?")) {
                select.setLong(1, id);
                try (ResultSet rows = select.executeQuery()) {
                    rows.next(); // a replica may not have the row yet: replicas lag, and that is fine here
                }
            }
            String node = names.of(tracker.take());
            perNode.computeIfAbsent(node, n -> new NodeCounts()).reads.increment();
            return new Outcome(false, id, node, start, System.nanoTime(), null, null);
        } catch (SQLException e) {
            failedReads.increment();
            return failed(false, id, start, e);
        }
    }

    private Outcome failed(boolean write, long id, long start, SQLException e) {
        HostAndPort node = tracker.take();
        String state = e.getSQLState() == null ? "none" : e.getSQLState();
        return new Outcome(write, id, node == null ? null : names.of(node), start, System.nanoTime(), state,
                e.getClass().getSimpleName());
    }

    /** @return successful requests per node so far */
    Map<String, NodeCounts> perNode() {
        return perNode;
    }

    long failedWrites() {
        return failedWrites.sum();
    }

    /** @return writes failed so far with this SQLState */
    long failedWrites(String sqlState) {
        LongAdder count = failedWritesByState.get(sqlState);
        return count == null ? 0 : count.sum();
    }

    long failedReads() {
        return failedReads.sum();
    }

    /** @return {@link System#nanoTime()} of the last successful write on that node, 0 when none */
    long lastWriteOn(String node) {
        AtomicLong at = lastWriteAt.get(node);
        return at == null ? 0 : at.get();
    }

    /** @return every request's outcome; complete once {@link #close()} returned */
    List<Outcome> outcomes() {
        List<Outcome> all = new ArrayList<>();
        synchronized (recorded) {
            recorded.forEach(all::addAll);
        }
        return all;
    }

    /** Stops the threads and waits (boundedly) for their last requests. */
    @Override
    public void close() {
        running = false;
        for (Thread thread : threads) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
