package io.github.understudy.examples.starteronly;

import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The README's {@code OrderService}, as it is printed there. */
@Service
class OrderService {

    private final JdbcTemplate jdbc;

    OrderService(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(readOnly = true)          // a replica
    public List<String> recentOrders() {
        return jdbc.queryForList("SELECT ref FROM orders ORDER BY id DESC LIMIT 20", String.class);
    }

    @Transactional                           // the master
    public void place(String ref) {
        jdbc.update("INSERT INTO orders (ref) VALUES (?)", ref);
    }
}
