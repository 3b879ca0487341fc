package io.github.understudy.examples.spring;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Orders, with plain {@link JdbcTemplate}. Which server runs a method is decided by its annotation alone: Spring
 * calls {@code setReadOnly(true)} for {@code readOnly = true} transactions before their first statement, and
 * Understudy sends those to a healthy replica; every other transaction goes to the master.
 */
@Service
public class OrderService {

    private final JdbcTemplate jdbc;

    OrderService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An order as stored, with the server that answered. */
    public record Placed(String id, String item, long servedBy) {
    }

    /** The latest orders, as one replica has them, and which one. */
    public record Recent(List<String> items, long servedBy) {
    }

    /**
     * Runs on the master.
     *
     * @param item what was ordered
     * @return the order
     */
    @Transactional
    public Placed place(String item) {
        String id = UUID.randomUUID().toString();
        jdbc.update("INSERT INTO orders (id, item) VALUES (?, ?)", id, item);
        return new Placed(id, item, serverId());
    }

    /**
     * Runs on a replica: it may lag the master by a little (see README, Spring Boot).
     *
     * @return the last 20 orders
     */
    @Transactional(readOnly = true)
    public Recent recent() {
        List<String> items = jdbc.queryForList("SELECT item FROM orders ORDER BY created DESC, id LIMIT 20",
                String.class);
        return new Recent(items, serverId());
    }

    private long serverId() {
        Long id = jdbc.queryForObject("SELECT @@server_id", Long.class);
        return id == null ? 0 : id;
    }
}
