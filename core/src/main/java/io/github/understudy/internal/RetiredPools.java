package io.github.understudy.internal;

import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The pools a node had before a role change, each closed on its own short-lived thread: after the connections
 * borrowed from it are back (or a limit has passed), since closing a HikariCP pool aborts what is still borrowed.
 * {@link #close()} closes whatever is left at once, and waits for those threads.
 */
final class RetiredPools implements AutoCloseable {

    private static final long POLL_MILLIS = 50;
    private static final long CLOSE_WAIT_MILLIS = 15_000;

    private final String name;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    RetiredPools(String name) {
        this.name = name;
    }

    /** Closes {@code pool} once nothing is borrowed from it, or after {@code drainLimit} at the latest. */
    void retire(HikariDataSource pool, Duration drainLimit) {
        pool.getHikariPoolMXBean().softEvictConnections(); // idle ones now, borrowed ones when they come back
        pools.add(pool);
        Thread thread = new Thread(() -> {
            drain(pool, System.nanoTime() + drainLimit.toNanos());
            pool.close();
            pools.remove(pool);
            threads.remove(Thread.currentThread());
        }, pool.getPoolName() + "-retire");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    private static void drain(HikariDataSource pool, long deadline) {
        try {
            while (System.nanoTime() - deadline < 0 && pool.getHikariPoolMXBean().getActiveConnections() > 0) {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // closing now, as asked
        }
    }

    @Override
    public void close() {
        threads.forEach(Thread::interrupt);
        pools.forEach(HikariDataSource::close);
        for (Thread thread : threads) {
            try {
                thread.join(CLOSE_WAIT_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public String toString() {
        return "RetiredPools[" + name + ", " + pools.size() + " open]";
    }
}
