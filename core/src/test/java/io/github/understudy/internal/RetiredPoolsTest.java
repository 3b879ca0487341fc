package io.github.understudy.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.zaxxer.hikari.HikariDataSource;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.mockito.Answers;

class RetiredPoolsTest {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /**
     * A pool of a hung node is retired with no drain time, and its close waits for a connection attempt to that
     * node; the DataSource closes meanwhile. HikariCP gives up a close that is interrupted, and leaves the pool's
     * housekeeper thread running: the close must finish instead.
     */
    @Test
    void closingWhileAPoolOfAHungNodeIsClosingLeavesNoThreadOfItRunning() throws Exception {
        String poolName = "retired-test-" + POOLS.incrementAndGet();
        CountDownLatch connecting = new CountDownLatch(1);
        HikariDataSource pool = pool(poolName, () -> {
            connecting.countDown();
            sleep(1_000); // a connection attempt to a hung server, bounded by its timeouts
            throw new SQLException("connect timed out", "08001");
        });
        connecting.await();
        RetiredPools retired = new RetiredPools("test");

        retired.retire(pool, Duration.ZERO);
        await().until(() -> closing(poolName + "-retire"));
        retired.close();

        assertThat(pool.isClosed()).isTrue();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.isAlive() && t.getName().startsWith(poolName)).extracting(Thread::getName)
                .isEmpty());
    }

    @Test
    void aPoolIsClosedOnceWhatWasBorrowedFromItIsBack() throws Exception {
        HikariDataSource pool = pool("retired-test-" + POOLS.incrementAndGet(), null);
        Connection borrowed = pool.getConnection();
        try (RetiredPools retired = new RetiredPools("test")) {
            retired.retire(pool, Duration.ofMinutes(1));
            Thread.sleep(200);
            assertThat(pool.isClosed()).as("closed with a connection out").isFalse();

            borrowed.close();

            await().atMost(Duration.ofSeconds(5)).until(pool::isClosed);
        }
    }

    /** A real HikariCP pool over fake connections; after the first, each new one is made by {@code next}. */
    private static HikariDataSource pool(String name, ConnectionMaker next) throws SQLException {
        AtomicInteger made = new AtomicInteger();
        DataSource server = mock(DataSource.class);
        when(server.getLoginTimeout()).thenReturn(5);
        when(server.getConnection()).thenAnswer(invocation -> {
            if (made.getAndIncrement() == 0 || next == null) {
                Connection connection = mock(Connection.class, Answers.RETURNS_DEEP_STUBS);
                when(connection.isValid(anyInt())).thenReturn(true);
                return connection;
            }
            return next.make();
        });
        HikariDataSource pool = new HikariDataSource();
        pool.setPoolName(name);
        pool.setDataSource(server);
        pool.setMinimumIdle(2);
        pool.setMaximumPoolSize(2);
        pool.setInitializationFailTimeout(-1);
        pool.getConnection().close(); // started, with one connection made
        return pool;
    }

    private static boolean closing(String threadName) {
        return Thread.getAllStackTraces().entrySet().stream()
                .filter(e -> e.getKey().getName().equals(threadName))
                .anyMatch(e -> Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("shutdown")));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @FunctionalInterface
    private interface ConnectionMaker {
        Connection make() throws SQLException;
    }
}
