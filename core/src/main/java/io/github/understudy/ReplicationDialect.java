package io.github.understudy;

import java.time.Duration;
import java.util.List;

/**
 * The replication statements of one server family and version, as promotion strategies need them: MariaDB and
 * MySQL before 8.0.22 say MASTER/SLAVE, later MySQL says SOURCE/REPLICA. Detected from the server's version.
 */
public interface ReplicationDialect {

    /** @return whether the servers are MariaDB (domain-based GTIDs, no {@code super_read_only}) */
    boolean mariadb();

    /** @return the replica status statement ({@code SHOW SLAVE STATUS} / {@code SHOW REPLICA STATUS}) */
    String replicaStatus();

    /**
     * @param legacyName a column of {@link #replicaStatus()} by its MASTER/SLAVE name
     * @return its name on this server
     */
    String column(String legacyName);

    /** @return the statement that stops both replication threads */
    String stopReplica();

    /** @return the statement that stops the receiver (IO) thread only */
    String stopReceiver();

    /** @return the statement that starts replication */
    String startReplica();

    /** @return the statement that forgets the replica's source ({@code RESET SLAVE ALL}) */
    String resetReplicaAll();

    /**
     * @param host     the new source's host, as the replicas reach it
     * @param port     its port
     * @param user     the replication user, or null to keep the one the replica has
     * @param password its password (ignored when {@code user} is null)
     * @return the statement pointing a replica at a new source with GTID auto-positioning
     */
    String changeSource(String host, int port, String user, String password);

    /** @return the statements that make a node writable ({@code super_read_only} first on MySQL) */
    List<String> makeWritable();

    /** @return the statements that make a node read-only ({@code super_read_only} too on MySQL) */
    List<String> makeReadOnly();

    /** @return the variable holding every transaction the server has ({@code gtid_executed} / {@code gtid_current_pos}) */
    String gtidVariable();

    /** @return the replica-status column with what the receiver has fetched */
    String retrievedColumn();

    /**
     * @param position a GTID set (MySQL) or position (MariaDB)
     * @param timeout  how long the server waits
     * @return a query returning 0 once {@code position} is applied
     */
    String waitForApplied(String position, Duration timeout);
}
