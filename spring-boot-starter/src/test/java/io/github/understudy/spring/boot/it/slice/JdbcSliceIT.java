package io.github.understudy.spring.boot.it.slice;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.understudy.UnderstudyDataSource;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.boot.jdbc.test.autoconfigure.JdbcTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code @JdbcTest} loads Understudy (the starter lists it for {@code AutoConfigureJdbc}) and runs on the master. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class JdbcSliceIT extends SliceTestCluster {

    @Autowired
    private DataSource dataSource;

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void theSliceUsesUnderstudyAndItsTransactionRunsOnTheMaster() {
        assertThat(dataSource).isInstanceOf(UnderstudyDataSource.class);
        jdbc.execute("CREATE TABLE IF NOT EXISTS slice_notes (text VARCHAR(40))");
        jdbc.update("INSERT INTO slice_notes VALUES ('written in the test transaction')");

        assertThat(jdbc.queryForObject("SELECT @@server_id", Long.class)).isEqualTo(CLUSTER.node("n1").serverId());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM slice_notes", Integer.class)).isEqualTo(1);
    }
}
