package io.github.understudy.benchmarks.routing;

import io.github.understudy.benchmarks.support.Sleep;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * The point workload, shared by the JMH benchmark, the statement count and the CPU account so that all do the
 * same: a read is borrow + {@code setReadOnly(true)} + a point SELECT by primary key + close; a write is borrow +
 * a point UPDATE by primary key (auto-commit) + close. Rows are drawn at random from {@link #ROWS}.
 */
final class PointOperations {

    /** Rows in the table. */
    static final int ROWS = 1000;

    private static final String TABLE = "bench_point";
    private static final String READ = "SELECT id, v, n FROM " + TABLE + " WHERE id = ?";
    private static final String WRITE = "UPDATE " + TABLE + " SET n = n + 1 WHERE id = ?";

    private PointOperations() {
    }

    /** The statements that create and fill the table, run on the master (as root) before the benchmark. */
    static String[] schema(String database) {
        StringBuilder rows = new StringBuilder();
        for (int id = 1; id <= ROWS; id++) {
            rows.append(id == 1 ? "" : ",").append('(').append(id).append(", 'row-").append(id).append("', 0)");
        }
        String table = database + "." + TABLE;
        return new String[]{"DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (id INT PRIMARY KEY, v VARCHAR(64) NOT NULL, n BIGINT NOT NULL)",
                "INSERT INTO " + table + " VALUES " + rows};
    }

    /** @return the row's counter, so the work is not eliminated */
    static long read(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setReadOnly(true);
            try (PreparedStatement statement = connection.prepareStatement(READ)) {
                statement.setInt(1, randomId());
                try (ResultSet rs = statement.executeQuery()) {
                    return rs.next() ? rs.getLong(3) + rs.getString(2).length() : -1;
                }
            }
        }
    }

    /** @return the rows changed (1) */
    static int write(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(WRITE)) {
            statement.setInt(1, randomId());
            return statement.executeUpdate();
        }
    }

    private static int randomId() {
        return ThreadLocalRandom.current().nextInt(1, ROWS + 1);
    }

    /**
     * Waits until both paths serve (a busy machine may take longer than a pool's connection timeout to open the
     * first connections), then runs each operation 200 times.
     */
    static void warmUp(PointVariant.Opened opened) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                read(opened.reads());
                write(opened.writes());
                break;
            } catch (SQLException e) {
                if (attempt == 50) {
                    throw e;
                }
                Sleep.millis(200);
            }
        }
        for (int i = 0; i < 200; i++) {
            read(opened.reads());
            write(opened.writes());
        }
    }
}
