package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** Points replicas at a new master ({@code CHANGE MASTER TO ... GTID}) and checks that they replicate. */
final class Repointer {

    private Repointer() {
    }

    /** Repoints every node in {@code replicas}; the result per node is "replicating" or what went wrong. */
    static Map<HostAndPort, String> repoint(List<HostAndPort> replicas, ReplicationAddress master, Dialect dialect,
                                           ConnectionFactory connections, Duration check) {
        // In parallel: a STOP SLAVE can wait for a receiver stuck on a hung old master.
        Map<HostAndPort, java.util.concurrent.CompletableFuture<String>> pending = new LinkedHashMap<>();
        for (HostAndPort replica : replicas) {
            pending.put(replica, java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> repointOne(replica, master, dialect, connections, check), runnable -> {
                        Thread thread = new Thread(runnable, "understudy-repoint-" + replica);
                        thread.setDaemon(true);
                        thread.start();
                    }));
        }
        Map<HostAndPort, String> results = new LinkedHashMap<>();
        pending.forEach((replica, result) -> results.put(replica, result.join()));
        return results;
    }

    static String repointOne(HostAndPort replica, ReplicationAddress master, Dialect dialect,
                                     ConnectionFactory connections, Duration check) {
        // A long socket timeout: STOP SLAVE may wait out the receiver's connect attempt to a hung server.
        try (Connection connection = connections.admin(replica, check.plusSeconds(60))) {
            MostAdvancedReplica.execute(connection, dialect.stopReplica(),
                    dialect.changeSource(master.host(), master.port(), null, null), dialect.startReplica());
            return awaitReplicating(connection, dialect, check);
        } catch (SQLException e) {
            return "failed: " + NodeProbe.reason(e);
        }
    }

    /** Waits until both replication threads run without error: "replicating", or the state when time ran out. */
    static String awaitReplicating(Connection connection, Dialect dialect, Duration check) throws SQLException {
        long deadline = System.nanoTime() + check.toNanos();
        String state;
        do {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery(dialect.replicaStatus())) {
                if (!rs.next()) {
                    return "not a replica";
                }
                String io = rs.getString(dialect.column("Slave_IO_Running"));
                String sql = rs.getString(dialect.column("Slave_SQL_Running"));
                String error = (nullToEmpty(rs.getString("Last_IO_Error")) + " "
                        + nullToEmpty(rs.getString("Last_SQL_Error"))).trim();
                if ("Yes".equals(io) && "Yes".equals(sql) && error.isEmpty()) {
                    return "replicating";
                }
                state = "IO " + io + ", SQL " + sql + (error.isEmpty() ? "" : ", error: " + error);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        } while (System.nanoTime() < deadline);
        return "not replicating after " + check + " (" + state + ")";
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
