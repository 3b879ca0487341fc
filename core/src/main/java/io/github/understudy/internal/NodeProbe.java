package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Probes one node on its own admin connection (never a pooled one), kept open between probes and reopened after a
 * failure. Two round trips: the server's variables and its replication status. Not thread-safe: the monitor runs
 * at most one probe per node at a time.
 */
final class NodeProbe implements AutoCloseable {

    private final HostAndPort address;
    private final ConnectionFactory connections;
    private final boolean heartbeatLag;
    private Connection connection;
    private volatile Dialect dialect;
    private long receiverLostAt;
    private volatile boolean semiSyncMaster;

    NodeProbe(HostAndPort address, ConnectionFactory connections, boolean heartbeatLag) {
        this.address = address;
        this.connections = connections;
        this.heartbeatLag = heartbeatLag;
    }

    /**
     * @param masterServerId the current master's server_id, 0 when unknown: a replica of anyone else is not
     *                       replicating from our master, whatever its threads say
     */
    ProbeResult probe(long masterServerId) {
        long started = System.nanoTime();
        try {
            if (connection == null) {
                connection = connections.admin(address);
                dialect = Dialect.of(connection.getMetaData().getDatabaseProductVersion());
            }
            return observe(masterServerId, started);
        } catch (SQLException e) {
            closeQuietly();
            return ProbeResult.failed(reason(e));
        }
    }

    Dialect dialect() {
        return dialect;
    }

    /** Whether the node had semi-sync switched on as a master at its last successful probe. */
    boolean semiSyncMaster() {
        return semiSyncMaster;
    }

    private ProbeResult observe(long masterServerId, long started) throws SQLException {
        java.util.Map<String, String> vars = new java.util.HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.probeVariables())) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
            }
        }
        long serverId = Long.parseLong(vars.getOrDefault("server_id", "0"));
        boolean readOnly = on(vars.get("read_only")) || on(vars.get("super_read_only"));
        semiSyncMaster = on(vars.get("rpl_semi_sync_master_enabled"));
        String gtid = vars.getOrDefault(dialect.gtidVariable(), "").replace("\n", "");
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(dialect.replicaStatus())) {
            long latency = System.nanoTime() - started;
            if (!rs.next()) {
                return readOnly ? ProbeResult.replicationBroken("read_only but replicating from no one", null,
                        serverId, gtid, latency) : ProbeResult.master(serverId, gtid, latency);
            }
            return replica(rs, masterServerId, readOnly, serverId, gtid, latency);
        }
    }

    private ProbeResult replica(ResultSet rs, long masterServerId, boolean readOnly, long serverId, String gtid,
                                long latency) throws SQLException {
        String io = rs.getString(dialect.column("Slave_IO_Running"));
        String sql = rs.getString(dialect.column("Slave_SQL_Running"));
        long behind = rs.getLong(dialect.column("Seconds_Behind_Master"));
        Duration lag = rs.wasNull() ? null : Duration.ofSeconds(behind);
        if (heartbeatLag && lag != null) {
            lag = Heartbeat.lag(connection);
        }
        long source = rs.getLong(dialect.column("Master_Server_Id"));
        String ioError = nullToEmpty(rs.getString("Last_IO_Error"));
        String problem = problem(nullToEmpty(rs.getString("Last_SQL_Error")), sql, readOnly, source, masterServerId);
        if (!problem.isEmpty()) {
            return ProbeResult.replicationBroken(problem, lag, serverId, gtid, latency);
        }
        return ProbeResult.replica(receiverLag(io, ioError, lag), serverId, gtid, latency);
    }

    /**
     * A replica whose receiver lost its master (the master died, or is being replaced) still serves what it has
     * applied: it is as stale as the time since it lost it, and leaves the rotation once that passes the maximum
     * lag, like any lagging replica. So reads go on while a failover runs.
     */
    private Duration receiverLag(String io, String ioError, Duration lag) {
        if ("Yes".equalsIgnoreCase(io) && ioError.isEmpty()) {
            receiverLostAt = 0;
            return lag;
        }
        long now = System.nanoTime();
        if (receiverLostAt == 0) {
            receiverLostAt = now;
        }
        Duration lost = Duration.ofNanos(now - receiverLostAt);
        return lag == null || lost.compareTo(lag) > 0 ? lost : lag;
    }

    private static String problem(String sqlError, String sql, boolean readOnly, long source, long masterServerId) {
        if (!sqlError.isEmpty()) {
            return "replication error: " + sqlError;
        }
        if (!"Yes".equalsIgnoreCase(sql)) {
            return "replication applier not running (SQL thread " + sql + ")";
        }
        if (!readOnly) {
            return "replica is writable (read_only=OFF)";
        }
        if (masterServerId != 0 && source != masterServerId) {
            return "replicates from server_id " + source + ", not from the master (server_id " + masterServerId + ")";
        }
        return "";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value.trim();
    }

    private static boolean on(String value) {
        return "ON".equalsIgnoreCase(value) || "1".equals(value);
    }

    /** Short reasons for snapshots and logs: what an operator needs to read, not a stack trace. */
    static String reason(SQLException e) {
        if (e instanceof SQLTimeoutException || hasCause(e, java.net.SocketTimeoutException.class)) {
            return "timeout";
        }
        if (hasCause(e, java.net.ConnectException.class)) {
            return "refused";
        }
        if (e.getErrorCode() == 1045) {
            return "access denied";
        }
        String message = e.getMessage() == null ? "" : e.getMessage().strip().split("\n")[0];
        if (message.isBlank()) {
            message = e.getClass().getSimpleName() + (e.getSQLState() == null ? "" : " " + e.getSQLState());
        }
        return message.length() > 120 ? message.substring(0, 120) + "..." : message;
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a broken connection: nothing to close cleanly
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
