package io.github.understudy.it;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named sequence of JDBC calls on one connection, and what each call gave: its value, or the exception it threw
 * (its nearest {@code java.sql} type, SQLState and vendor code, never its message, which is free text). Run on a
 * plain Connector/J connection and on an Understudy connection, two sequences must give the same outcomes.
 */
final class JdbcCalls {

    /** One JDBC call; returns what the caller would look at. */
    @FunctionalInterface
    interface Call {
        Object on(Connection connection) throws Exception;
    }

    private final Map<String, Call> calls = new LinkedHashMap<>();

    static JdbcCalls of() {
        return new JdbcCalls();
    }

    JdbcCalls then(String name, Call call) {
        calls.put(name, call);
        return this;
    }

    JdbcCalls then(JdbcCalls more) {
        calls.putAll(more.calls);
        return this;
    }

    /** Runs every call in order, whatever the earlier ones did, and lists {@code name -> outcome}. */
    List<String> runOn(Connection connection) {
        List<String> outcomes = new ArrayList<>();
        calls.forEach((name, call) -> outcomes.add(name + " -> " + outcome(call, connection)));
        return outcomes;
    }

    private static String outcome(Call call, Connection connection) {
        try {
            return render(call.on(connection));
        } catch (SQLException e) {
            return "threw " + jdbcType(e) + " " + e.getSQLState() + "/" + e.getErrorCode();
        } catch (Exception | Error e) {
            return "threw unchecked " + e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static String render(Object value) throws SQLException {
        if (value instanceof ResultSet rs) {
            return rs.next() ? "row " + rs.getString(1) : "no row";
        }
        return String.valueOf(value);
    }

    /** The exception's most specific type from {@code java.sql}: what callers (and Spring) dispatch on. */
    static String jdbcType(SQLException e) {
        Class<?> type = e.getClass();
        while (!type.getPackageName().equals("java.sql")) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }
}
