package io.github.understudy.internal;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;

/**
 * A node that refuses the application's connections because of the configuration, not because of its health:
 * access denied, an unknown database, a locked account, an expired password. Waiting for another master or trying
 * another replica would only turn that into an outage report after a timeout, so the request fails at once with
 * the server's error (its SQLState, vendor code and message, chained) and the setting to change.
 */
final class Misconfiguration {

    /** Marks the exceptions of this class, so that the router's loops pass them on rather than wait. */
    interface Refusal {
    }

    private static final class AccessDenied extends SQLInvalidAuthorizationSpecException implements Refusal {
        private static final long serialVersionUID = 1L;

        AccessDenied(String message, SQLException server) {
            super(message, server.getSQLState(), server.getErrorCode(), server);
        }
    }

    private static final class DatabaseRefused extends SQLSyntaxErrorException implements Refusal {
        private static final long serialVersionUID = 1L;

        DatabaseRefused(String message, SQLException server) {
            super(message, server.getSQLState(), server.getErrorCode(), server);
        }
    }

    private static final class AccountRefused extends SQLNonTransientConnectionException implements Refusal {
        private static final long serialVersionUID = 1L;

        AccountRefused(String message, SQLException server) {
            super(message, server.getSQLState(), server.getErrorCode(), server);
        }
    }

    static final int ACCESS_DENIED = 1045;
    static final int DATABASE_ACCESS_DENIED = 1044;
    static final int UNKNOWN_DATABASE = 1049;
    static final int MYSQL_ACCOUNT_LOCKED = 3118;
    static final int MARIADB_ACCOUNT_LOCKED = 4151;
    static final int PASSWORD_EXPIRED = 1862;
    static final int MUST_CHANGE_PASSWORD = 1820;

    private Misconfiguration() {
    }

    /**
     * The error to throw at once when a borrow failed because the node refused the configuration, else null.
     *
     * @param name    the DataSource's name, the message's prefix
     * @param node    the node that refused
     * @param failure what the pool threw (its cause chain holds the driver's error)
     */
    static SQLException refusal(String name, Node node, SQLException failure) {
        SQLException server = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // The innermost one is the driver's: the pool's timeout copies its code, not its message.
            if (t instanceof SQLException sql && refused(sql.getErrorCode())) {
                server = sql;
            }
        }
        return server == null ? null
                : refusal(name + " - " + node + " refused the connection: " + server.getMessage(), server);
    }

    private static boolean refused(int code) {
        return code == ACCESS_DENIED || code == DATABASE_ACCESS_DENIED || code == UNKNOWN_DATABASE
                || code == MYSQL_ACCOUNT_LOCKED || code == MARIADB_ACCOUNT_LOCKED || code == PASSWORD_EXPIRED
                || code == MUST_CHANGE_PASSWORD;
    }

    private static SQLException refusal(String refused, SQLException server) {
        return switch (server.getErrorCode()) {
            case ACCESS_DENIED -> new AccessDenied(refused + " (check the username and password settings)", server);
            case DATABASE_ACCESS_DENIED, UNKNOWN_DATABASE -> new DatabaseRefused(refused
                    + " (check the database setting, and the username's grants on it)", server);
            case MYSQL_ACCOUNT_LOCKED, MARIADB_ACCOUNT_LOCKED, PASSWORD_EXPIRED, MUST_CHANGE_PASSWORD ->
                    new AccountRefused(refused + " (check the username and password settings)", server);
            default -> null;
        };
    }
}
