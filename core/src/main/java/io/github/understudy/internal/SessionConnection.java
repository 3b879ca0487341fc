package io.github.understudy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The session settings of a {@link RoutingConnection}: passed on at once when a physical connection is held, else
 * recorded ({@link SessionState}) and answered as Connector/J would answer them before any statement. Like
 * Connector/J, the getters of the flags and of the database answer on a closed connection too.
 */
abstract class SessionConnection extends ForwardingConnection {

    final SessionState state;

    SessionConnection(SessionState state) {
        this.state = state;
    }

    final void checkOpen() throws SQLException {
        if (isClosed()) {
            throw state.closedError();
        }
    }

    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        Connection held = held();
        if (held != null) {
            held.setTransactionIsolation(level);
        } else {
            state.checkIsolation(level);
        }
        state.isolation = level;
    }

    /** Unset before the first statement, the server's own default: the physical connection knows it. */
    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return state.isolation != null && held() == null ? state.isolation : physical().getTransactionIsolation();
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
        Connection held = held();
        if (held != null) {
            held.setCatalog(catalog);
            state.confirmed(catalog, null);
        } else {
            state.catalog(catalog);
        }
    }

    @Override
    public String getCatalog() throws SQLException {
        Connection held = held();
        return held == null || isClosed() ? state.catalog() : held.getCatalog();
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
        Connection held = held();
        if (held != null) {
            held.setSchema(schema);
            state.confirmed(null, schema);
        } else {
            state.schema(schema);
        }
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        Connection held = held();
        return held == null ? state.schema() : held.getSchema();
    }

    /** Connector/J has one holdability and ignores changes; so does a connection before its first statement. */
    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        Connection held = held();
        if (held != null) {
            held.setHoldability(holdability);
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        Connection held = held();
        return held == null || isClosed() ? ResultSet.HOLD_CURSORS_OVER_COMMIT : held.getHoldability();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        Connection held = held();
        if (held != null) {
            held.setNetworkTimeout(executor, milliseconds);
        }
        state.networkTimeout(executor, milliseconds);
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        Connection held = held();
        return held == null ? state.networkTimeout() : held.getNetworkTimeout();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
        Connection held = held();
        if (held != null) {
            held.setTypeMap(map);
        }
        state.typeMap(map);
    }

    @Override
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        Connection held = held();
        return held == null || isClosed() ? state.typeMap() : held.getTypeMap();
    }
}
