package io.github.understudy.internal;

import com.zaxxer.hikari.HikariDataSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The pools a node had before a role change, each closed on its own short-lived thread: after the connections
 * borrowed from it are back (or a limit has passed), since closing a HikariCP pool aborts what is still borrowed.
 * {@link #close()} ends the waits at once, and waits for those threads. Nothing here interrupts a thread that
 * closes a pool: HikariCP gives up closing when interrupted, and leaves the pool's housekeeper thread running.
 */
final class RetiredPools implements AutoCloseable {

    private static final long POLL_MILLIS = 50;
    private static final long CLOSE_WAIT_MILLIS = 15_000;

    private final String name;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private volatile boolean closing;

    RetiredPools(String name) {
        this.name = name;
    }

    /** Closes {@code pool} once nothing is borrowed from it, or after {@code drainLimit} at the latest. */
    void retire(HikariDataSource pool, Duration drainLimit) {
        pool.getHikariPoolMXBean().softEvictConnections(); // idle ones now, borrowed ones when they come back
        pools.add(pool);
        Thread thread = new Thread(() -> {
            boolean interrupted = drain(pool, System.nanoTime() + drainLimit.toNanos());
            pool.close();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            pools.remove(pool);
            threads.remove(Thread.currentThread());
        }, pool.getPoolName() + "-retire");
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Returns whether the wait was interrupted: the flag is cleared meanwhile, for the pool's close. */
    private boolean drain(HikariDataSource pool, long deadline) {
        try {
            while (!closing && System.nanoTime() - deadline < 0
                    && pool.getHikariPoolMXBean().getActiveConnections() > 0) {
                TimeUnit.MILLISECONDS.sleep(POLL_MILLIS);
            }
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }

    @Override
    public void close() {
        closing = true;
        pools.forEach(HikariDataSource::close); // a pool that its own thread is closing already is left to it
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
