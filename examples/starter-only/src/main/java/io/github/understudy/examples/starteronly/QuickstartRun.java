package io.github.understudy.examples.starteronly;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.CommandLineRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the application does once started: a table, an order placed on the master, the order read back in a
 * read-only transaction, and one line saying which server each went to ({@code @@server_id}).
 */
@Component
class QuickstartRun implements CommandLineRunner {

    private static final Duration REPLICATION_WAIT = Duration.ofSeconds(10);

    private final OrderService orders;
    private final ServerIds servers;
    private final JdbcTemplate jdbc;

    QuickstartRun(OrderService orders, ServerIds servers, JdbcTemplate jdbc) {
        this.orders = orders;
        this.servers = servers;
        this.jdbc = jdbc;
    }

    @Override
    public void run(String... args) throws InterruptedException {
        jdbc.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT AUTO_INCREMENT PRIMARY KEY, ref VARCHAR(64))");
        String ref = "order-" + System.nanoTime();
        orders.place(ref);
        long deadline = System.nanoTime() + REPLICATION_WAIT.toNanos();
        List<String> recent = orders.recentOrders();
        while (!recent.contains(ref) && System.nanoTime() < deadline) {
            Thread.sleep(50); // replication lag: the write reaches the replicas a moment later
            recent = orders.recentOrders();
        }
        if (!recent.contains(ref)) {
            throw new IllegalStateException(ref + " was not read back within " + REPLICATION_WAIT + ": " + recent);
        }
        System.out.println("quickstart: placed " + ref + " on server_id " + servers.writeServer()
                + ", read it back on server_id " + servers.readServer());
    }

    /** The server a read-write and a read-only transaction run on. */
    @Component
    static class ServerIds {

        private final JdbcTemplate jdbc;

        ServerIds(JdbcTemplate jdbc) {
            this.jdbc = jdbc;
        }

        @Transactional
        public long writeServer() {
            return jdbc.queryForObject("SELECT @@server_id", Long.class);
        }

        @Transactional(readOnly = true)
        public long readServer() {
            return jdbc.queryForObject("SELECT @@server_id", Long.class);
        }
    }
}
