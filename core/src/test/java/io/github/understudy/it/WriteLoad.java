package io.github.understudy.it;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** Writer threads inserting unique ids through a DataSource; records which were acknowledged and what failed. */
final class WriteLoad implements AutoCloseable {

    final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    final List<SQLException> failures = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger writes = new AtomicInteger();
    private final AtomicInteger ids = new AtomicInteger();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final CountDownLatch done;

    WriteLoad(DataSource dataSource, String table, int threadCount) {
        done = new CountDownLatch(threadCount);
        for (int i = 0; i < threadCount; i++) {
            Thread thread = new Thread(() -> {
                try {
                    while (running.get()) {
                        if (paused.get()) {
                            java.util.concurrent.locks.LockSupport.parkNanos(10_000_000);
                            continue;
                        }
                        inFlight.incrementAndGet();
                        try {
                            if (!paused.get()) {
                                write(dataSource, table);
                            }
                        } finally {
                            inFlight.decrementAndGet();
                        }
                    }
                } finally {
                    done.countDown();
                }
            }, "writer-" + i);
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void write(DataSource dataSource, String table) {
        int id = ids.incrementAndGet();
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().executeUpdate("INSERT INTO " + table + " (id) VALUES (" + id + ")");
            acknowledged.add(id);
            writes.incrementAndGet();
        } catch (SQLException e) {
            failures.add(e);
        }
    }

    /** Stops new writes and waits until the ones in flight have returned. */
    void pause() {
        paused.set(true);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> inFlight.get() == 0);
    }

    void resume() {
        paused.set(false);
    }

    void runAtLeast(int more) {
        int target = writes.get() + more;
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).until(() -> writes.get() >= target);
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (!done.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("writers did not return within 30 s");
        }
    }
}
