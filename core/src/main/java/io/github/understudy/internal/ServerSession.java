package io.github.understudy.internal;

import io.github.understudy.HostAndPort;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An admin session on one server: every statement Understudy sends to control a server (probe, promote, fence,
 * repoint, lock) goes through here, in the words of the server's {@link Dialect}, as every statement HikariCP
 * sends goes through its {@code PoolBase}. Never used for application data: on MariaDB the admin user may write
 * past {@code read_only}, and such a write would be an errant transaction. Not thread-safe.
 */
final class ServerSession implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerSession.class);
    /** Warned once per process: every diagnosis asks again. */
    private static final java.util.concurrent.atomic.AtomicBoolean PERFORMANCE_SCHEMA_REFUSED =
            new java.util.concurrent.atomic.AtomicBoolean();

    private final HostAndPort node;
    private final Connection connection;
    private final Dialect dialect;

    private ServerSession(HostAndPort node, Connection connection, Dialect dialect) {
        this.node = node;
        this.connection = connection;
        this.dialect = dialect;
    }

    /** A new admin connection to {@code node} whose reads may take up to {@code socketTimeout}. */
    static ServerSession open(ConnectionFactory connections, HostAndPort node, Duration socketTimeout)
            throws SQLException {
        return over(node, connections.admin(node, socketTimeout));
    }

    /** A new admin connection to {@code node} bounded by the probe timeout. */
    static ServerSession open(ConnectionFactory connections, HostAndPort node) throws SQLException {
        return over(node, connections.admin(node));
    }

    /** Takes over an open connection (closed with the session); the dialect is read from the server's version. */
    static ServerSession over(HostAndPort node, Connection connection) throws SQLException {
        try {
            return new ServerSession(node, connection, Dialect.of(connection.getMetaData()
                    .getDatabaseProductVersion()));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    HostAndPort node() {
        return node;
    }

    Dialect dialect() {
        return dialect;
    }

    /** Runs statements in order. */
    void execute(String... statements) throws SQLException {
        execute(List.of(statements));
    }

    /** Runs statements in order. */
    void execute(List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    /** Runs one update with parameters; returns the rows changed. */
    int update(String sql, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /** Runs one statement whose text values are parameters (see {@link Dialect.Sql}). */
    void execute(Dialect.Sql sql) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql.text())) {
            for (int i = 0; i < sql.parameters().size(); i++) {
                statement.setString(i + 1, sql.parameters().get(i));
            }
            statement.execute();
        }
    }

    /** {@return the first column of the first row, {@code ""} when there is no row or it is NULL} */
    String text(String query, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                String value = rs.next() ? rs.getString(1) : null;
                return value == null ? "" : value;
            }
        }
    }

    /** {@return every row of a query, column label to text} */
    List<Map<String, String>> rows(String query) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Map<String, String>> rows = new java.util.ArrayList<>();
            while (rs.next()) {
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    /**
     * Global variables by name (lower case), those the server has. A SHOW, not a SELECT: probes must not add to
     * the server's {@code Com_select}, so that the statement counts an operator (or a test) reads stay the
     * application's own; and a SELECT of a variable the server lacks fails where a SHOW leaves it out.
     */
    Map<String, String> variables(Collection<String> names) throws SQLException {
        String list = names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
        Map<String, String> values = new HashMap<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN (" + list + ")")) {
            while (rs.next()) {
                values.put(rs.getString(1).toLowerCase(Locale.ROOT), rs.getString(2));
            }
        }
        return values;
    }

    /** {@return the replica status, empty when the server replicates from no one} */
    Optional<ReplicaStatus> replicaStatus() throws SQLException {
        return rows(dialect.fullReplicaStatus()).stream()
                .filter(row -> java.util.Objects.toString(row.get("Connection_name"), "").isEmpty()).findFirst()
                .map(row -> ReplicaStatus.parse(row, dialect));
    }

    /**
     * {@return the heartbeat period the replica asked its source for, null when the server does not say (MySQL keeps
     * it in {@code performance_schema}, which this user may not read)}
     *
     * @param status the replica's status, just read (MariaDB's holds the period)
     */
    Duration heartbeatPeriod(ReplicaStatus status) throws SQLException {
        if (dialect.mariadb()) {
            return status.heartbeats() == null ? null : status.heartbeats().period();
        }
        List<Map<String, String>> rows = performanceSchema(dialect.heartbeatPeriod());
        return rows.isEmpty() || rows.get(0).get("period") == null ? null
                : SourceSilence.period(rows.get(0).get("period"));
    }

    /**
     * {@return how long the receiver has heard nothing from its source, as MySQL tells it; null when it cannot be
     * told (see {@link SourceSilence#ofTimestamps}) or on MariaDB, whose probes watch the heartbeat count instead}
     */
    SourceSilence sourceSilence() throws SQLException {
        if (dialect.mariadb()) {
            return null;
        }
        List<Map<String, String>> rows = performanceSchema(dialect.sourceSilence());
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, String> row = rows.get(0);
        return SourceSilence.ofTimestamps(row.get("last_heartbeat"), row.get("last_queued"), row.get("queueing"),
                row.get("now"), row.get("period"));
    }

    /** The rows of a {@code performance_schema} query, none when this user may not read it (SQLSTATE 42...). */
    private List<Map<String, String>> performanceSchema(String query) throws SQLException {
        try {
            return rows(query);
        } catch (SQLException e) {
            if (e.getSQLState() != null && e.getSQLState().startsWith("42")) {
                if (!PERFORMANCE_SCHEMA_REFUSED.getAndSet(true)) {
                    LOG.warn("cannot read performance_schema on {} ({}): grant the admin user SELECT on "
                            + "performance_schema.replication_connection_status and _configuration, or a hung master "
                            + "is told apart only when its replicas' receivers give up (slave_net_timeout)",
                            node, e.getMessage());
                }
                return List.of();
            }
            throw e;
        }
    }

    /** {@return every transaction the server has: {@code gtid_executed} / {@code gtid_current_pos}} */
    String executed() throws SQLException {
        return text("SELECT @@global." + dialect.gtidVariable()).replace("\n", "");
    }

    /** {@return whether the server refuses application writes ({@code read_only})} */
    boolean readOnly() throws SQLException {
        return Dialect.on(text("SELECT @@global.read_only"));
    }

    /** {@return the end of the server's own binary log, empty when it writes none} */
    Optional<BinlogPosition> binlogEnd() throws SQLException {
        List<Map<String, String>> rows = rows(dialect.binlogStatus());
        return rows.isEmpty() ? Optional.empty() : Optional.ofNullable(BinlogPosition.ofStatusRow(rows.get(0)));
    }

    /**
     * What the server wrote to its own binary log after {@code from}: the first transaction events found (their
     * types and places), {@code ""} when there are none — only log rotations and the like, as a restart leaves.
     */
    String transactionsAfter(BinlogPosition from) throws SQLException {
        List<String> found = new java.util.ArrayList<>();
        for (Map<String, String> log : rows("SHOW BINARY LOGS")) {
            BinlogPosition end = new BinlogPosition(log.get("Log_name"), Long.MAX_VALUE);
            if (end.compareTo(from) < 0) {
                continue;
            }
            boolean same = log.get("Log_name").equals(from.file());
            for (Map<String, String> event : rows("SHOW BINLOG EVENTS IN '" + log.get("Log_name").replace("'", "''")
                    + "'" + (same ? " FROM " + from.position() : "") + " LIMIT 50")) {
                String type = event.get("Event_type");
                if (!NOT_TRANSACTIONS.contains(type)) {
                    found.add(type + " at " + log.get("Log_name") + ":" + event.get("Pos"));
                }
                if (found.size() >= 3) {
                    return String.join(", ", found);
                }
            }
        }
        return String.join(", ", found);
    }

    /** Binary log events that carry no transaction: a file's header, its end, a restart's marks. */
    private static final java.util.Set<String> NOT_TRANSACTIONS = java.util.Set.of("Format_desc", "Previous_gtids",
            "Rotate", "Stop", "Gtid_list", "Binlog_checkpoint", "Start_encryption");

    /** Waits until the server has applied {@code gtids}; true when it has within {@code timeout}. */
    boolean awaitApplied(String gtids, Duration timeout) throws SQLException {
        return "0".equals(text(dialect.waitForApplied(gtids, timeout)));
    }

    /**
     * Waits until the applier reached {@code position} in its source's binary log; true when it did within
     * {@code timeout}.
     */
    boolean awaitCoordinates(BinlogPosition position, Duration timeout) throws SQLException {
        String waited = text(dialect.waitForCoordinates(position, timeout));
        return !waited.isEmpty() && Long.parseLong(waited) >= 0;
    }

    /**
     * Stops replication and forgets the source: the promotion's first statements. The server stays read-only for the
     * application, but not for the admin user (MySQL's {@code super_read_only} goes off; MariaDB's admin holds
     * {@code READ_ONLY ADMIN}), so that the new epoch row is written before anyone can see the node writable:
     * an instance that sees it writable then sees its term too (see {@link Handover}).
     */
    void promote() throws SQLException {
        execute(dialect.stopReplica(), dialect.resetReplicaAll());
        if (!dialect.mariadb()) {
            execute("SET PERSIST super_read_only = OFF");
        }
    }

    /** {@return where replicas reach this server} */
    ReplicationAddress replicationAddress() throws SQLException {
        return ReplicationAddress.of(this);
    }

    /** Takes the named lock without waiting; false when another session holds it. */
    boolean tryLock(String name) throws SQLException {
        return "1".equals(text("SELECT GET_LOCK(?, 0)", name));
    }

    void releaseLock(String name) throws SQLException {
        text("SELECT RELEASE_LOCK(?)", name);
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a broken connection: nothing to close cleanly
        }
    }

    @Override
    public String toString() {
        return node + " (" + dialect + ")";
    }
}
