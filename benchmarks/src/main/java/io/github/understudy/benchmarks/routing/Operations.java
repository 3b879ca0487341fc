package io.github.understudy.benchmarks.routing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** The two measured operations, shared by the JMH benchmark and the statement count so both do the same. */
final class Operations {

    private Operations() {
    }

    /** Borrow, mark read-only when routing a read, {@code SELECT 1}, close. */
    static int borrowSelectClose(DataSource dataSource, boolean setReadOnly) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (setReadOnly) {
                connection.setReadOnly(true);
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT 1")) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * Waits until the pools serve (a busy machine may take longer than a pool's connection timeout to open the
     * first connections), then runs each operation 100 times.
     */
    static void warmUp(DataSource dataSource, boolean setReadOnly) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                borrowSelectClose(dataSource, setReadOnly);
                break;
            } catch (SQLException e) {
                if (attempt == 50) {
                    throw e;
                }
                io.github.understudy.benchmarks.support.Sleep.millis(200);
            }
        }
        for (int i = 0; i < 100; i++) {
            borrowSelectClose(dataSource, setReadOnly);
            borrowClose(dataSource, setReadOnly);
        }
    }

    /** Borrow, mark read-only when routing a read, close: no statement. */
    static Connection borrowClose(DataSource dataSource, boolean setReadOnly) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            if (setReadOnly) {
                connection.setReadOnly(true);
            }
            return connection;
        }
    }
}
