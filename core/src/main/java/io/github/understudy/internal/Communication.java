package io.github.understudy.internal;

import java.net.SocketTimeoutException;
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

    /**
     * Whether the connection was given up because an answer took longer than its timeout (the socket timeout, or
     * the caller's {@code setNetworkTimeout}): a slow statement, not a dead server. Connector/J closes the
     * connection then, as for any communications failure.
     */
    static boolean timedOut(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
