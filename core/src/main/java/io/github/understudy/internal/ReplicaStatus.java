package io.github.understudy.internal;

import io.github.understudy.NodeStatus;
import io.github.understudy.ReplicationMode;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * One row of {@code SHOW REPLICA STATUS} ({@code SHOW SLAVE STATUS}), read in one place for every caller: the
 * probe, the failure detector, promotion, repointing and repair. Built from the row's text by {@link #parse}, so
 * recorded outputs of servers that cannot run here are tested like live ones.
 *
 * @param sourceHost      where it replicates from, as the replica reaches it
 * @param sourcePort      that source's port
 * @param sourceServerId  the source's {@code server_id}, 0 when it never connected
 * @param sourceUuid      the source's {@code server_uuid} (MySQL), {@code ""} when unknown
 * @param receiver        the receiver (IO) thread
 * @param receiverError   its last error, {@code ""} when none
 * @param applierRunning  whether the applier (SQL) thread runs
 * @param applierError    its last error, {@code ""} when none
 * @param behind          {@code Seconds_Behind_Master}, null when the server does not know
 * @param gtidPositioning whether it positions by GTID (MySQL {@code Auto_Position=1}, MariaDB {@code Using_Gtid}
 *                        other than {@code No}); when false, by the source's binary log coordinates
 * @param retrievedGtids  what the receiver fetched, as GTIDs ({@code Retrieved_Gtid_Set} / {@code Gtid_IO_Pos})
 * @param received        how far the receiver read the source's binary log, null when it never read
 * @param applied         how far the applier executed, in the source's binary log coordinates, null when never
 * @param delay           {@code SQL_Delay}: how long the applier holds each event back
 * @param relayAt         where the applier is in its own relay log ({@code Relay_Log_File}, {@code Relay_Log_Pos}),
 *                        null when it has none
 * @param heartbeats      the source's heartbeats the receiver counted (MariaDB's {@code SHOW ALL SLAVES STATUS}), null
 *                        when the row does not say
 */
record ReplicaStatus(String sourceHost, int sourcePort, long sourceServerId, String sourceUuid, Receiver receiver,
                     String receiverError, boolean applierRunning, String applierError, Duration behind,
                     boolean gtidPositioning, String retrievedGtids, BinlogPosition received, BinlogPosition applied,
                     Duration delay, BinlogPosition relayAt, Heartbeats heartbeats) {

    /**
     * Heartbeats received from the source since the receiver started, and how often the source sends one.
     *
     * @param received {@code Slave_received_heartbeats}
     * @param period   {@code Slave_heartbeat_period}; zero when the source sends none
     */
    record Heartbeats(long received, Duration period) {
    }

    /** The receiver (IO) thread's state. */
    enum Receiver {
        /** Connected to its source ({@code Yes}). */
        RUNNING,
        /** Trying to reach its source ({@code Connecting}): it lost it, or never had it. */
        CONNECTING,
        /** Stopped ({@code No}). */
        STOPPED;

        static Receiver of(String value) {
            String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
            return v.equals("yes") ? RUNNING : v.equals("connecting") ? CONNECTING : STOPPED;
        }
    }

    /**
     * Reads a row, given as column label to value, with the column names of {@code dialect}'s server.
     *
     * @throws IllegalArgumentException when a number column holds something else
     */
    static ReplicaStatus parse(Map<String, String> row, Dialect dialect) {
        Column column = new Column(row, dialect);
        String behind = column.text("Seconds_Behind_Master");
        return new ReplicaStatus(column.text("Master_Host"), (int) column.number("Master_Port"),
                column.number("Master_Server_Id"), dialect.mariadb() ? "" : column.text("Master_UUID"),
                Receiver.of(column.text("Slave_IO_Running")), column.text("Last_IO_Error"),
                "yes".equalsIgnoreCase(column.text("Slave_SQL_Running")), column.text("Last_SQL_Error"),
                behind.isEmpty() ? null : Duration.ofSeconds(Long.parseLong(behind)),
                dialect.mariadb() ? !"no".equalsIgnoreCase(column.text("Using_Gtid"))
                        : "1".equals(column.text("Auto_Position")),
                column.text(dialect.retrievedColumn()).replace("\n", ""),
                position(column.text("Master_Log_File"), column.number("Read_Master_Log_Pos")),
                position(column.text("Relay_Master_Log_File"), column.number("Exec_Master_Log_Pos")),
                Duration.ofSeconds(column.number("SQL_Delay")),
                position(column.text("Relay_Log_File"), column.number("Relay_Log_Pos")), heartbeats(column));
    }

    private static Heartbeats heartbeats(Column column) {
        return column.row().containsKey("Slave_received_heartbeats") ? new Heartbeats(
                column.number("Slave_received_heartbeats"),
                SourceSilence.period(column.text("Slave_heartbeat_period"))) : null;
    }

    private static BinlogPosition position(String file, long offset) {
        return file.isEmpty() ? null : new BinlogPosition(file, offset);
    }

    /** A row's values by their MASTER/SLAVE names, translated to the server's words. */
    private record Column(Map<String, String> row, Dialect dialect) {
        String text(String legacyName) {
            String value = row.get(dialect.column(legacyName));
            return value == null ? "" : value.trim();
        }

        long number(String legacyName) {
            String value = text(legacyName);
            try {
                return value.isEmpty() ? 0 : Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(legacyName + " must be a number, but was '" + value + "'", e);
            }
        }
    }

    /** {@return the replication as a node status shows it} */
    NodeStatus.Replication view(Instant receiverLostAt) {
        return new NodeStatus.Replication(sourceHost + ":" + sourcePort, sourceServerId,
                gtidPositioning ? ReplicationMode.GTID : ReplicationMode.POSITION,
                receiver == Receiver.RUNNING && receiverError.isEmpty(), receiverLostAt, applierRunning,
                received == null ? "" : received.toString(), applied == null ? "" : applied.toString());
    }

    /** {@return whether both threads run without an error} */
    boolean replicating() {
        return receiver == Receiver.RUNNING && applierRunning && receiverError.isEmpty() && applierError.isEmpty();
    }

    /** {@return whether the receiver is connected to the server with {@code serverId} (0: to any)} */
    boolean connectedTo(long serverId) {
        return receiver == Receiver.RUNNING && (serverId == 0 || sourceServerId == serverId);
    }

    /** {@return what stops the applier, or {@code ""} when it runs without error} */
    String applierProblem() {
        if (!applierError.isEmpty()) {
            return "replication error: " + applierError;
        }
        return applierRunning ? "" : "replication applier not running";
    }

    /** {@return the receiver as a short phrase for logs: {@code "IO thread Connecting (error 2003 ...)"}} */
    String describeReceiver() {
        String state = switch (receiver) {
            case RUNNING -> "Yes";
            case CONNECTING -> "Connecting";
            case STOPPED -> "No";
        };
        return "IO thread " + state + (receiverError.isEmpty() ? "" : " (" + receiverError + ")");
    }
}
