package io.github.understudy.spring.boot.it;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Runs SQL in a read-only transaction, as {@code @Transactional(readOnly = true)} would. */
final class ReadOnly {

    private ReadOnly() {
    }

    static long serverId(JdbcTemplate jdbc) {
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> jdbc.queryForObject("SELECT @@server_id", Long.class));
    }
}
