package io.github.understudy.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Reader threads doing auto-commit reads until stopped; counts reads per server and failures. */
final class ReadLoad implements AutoCloseable {

    final AtomicInteger reads = new AtomicInteger();
    final List<SQLException> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    final Map<Long, AtomicInteger> perServer = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final CountDownLatch done;
    private final List<Thread> threads = new ArrayList<>();

    ReadLoad(DataSource dataSource, int threadCount) {
        done = new CountDownLatch(threadCount);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        read(dataSource);
                    }
                } finally {
                    done.countDown();
                }
            }, "reader-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    private void read(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            long server = Clusters.serverId(connection);
            perServer.computeIfAbsent(server, s -> new AtomicInteger()).incrementAndGet();
            reads.incrementAndGet();
        } catch (SQLException e) {
            failures.add(e);
        }
    }

    /** Counts from now on only. */
    void resetCounts() {
        perServer.clear();
    }

    /** Lets every reader run at least {@code more} more reads. */
    void runAtLeast(int more) {
        int target = reads.get() + more;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> reads.get() >= target);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("readers did not return within 30 s: " + threads);
        }
    }
}
