package io.github.understudy.internal;

import java.sql.SQLException;

/** Whether an exception means the connection to the server is gone (SQLState class 08), not a SQL problem. */
final class Communication {

    private Communication() {
    }

    static boolean failed(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
