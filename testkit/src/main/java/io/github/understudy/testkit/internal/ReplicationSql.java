package io.github.understudy.testkit.internal;

import io.github.understudy.testkit.Flavor;

import java.time.Duration;

/**
 * The replication statements the testkit needs, in the words each server understands: MariaDB and MySQL before
 * 8.0.22 say MASTER/SLAVE, later MySQL says SOURCE/REPLICA (and 8.4 no longer accepts the old words).
 */
public final class ReplicationSql {

    private final Flavor flavor;
    private final boolean replicaWords;

    public ReplicationSql(LocalInstall install) {
        this(install.flavor(), install.usesReplicaSyntax());
    }

    public ReplicationSql(Flavor flavor, boolean replicaWords) {
        this.flavor = flavor;
        this.replicaWords = replicaWords;
    }

    public String changeSource(String host, int port, String user, String password) {
        String quotedPassword = password.replace("'", "''");
        if (flavor == Flavor.MARIADB) {
            return "CHANGE MASTER TO MASTER_HOST='" + host + "', MASTER_PORT=" + port + ", MASTER_USER='" + user
                    + "', MASTER_PASSWORD='" + quotedPassword + "', MASTER_USE_GTID=slave_pos, "
                    + "MASTER_CONNECT_RETRY=1, MASTER_HEARTBEAT_PERIOD=0.25";
        }
        if (replicaWords) {
            return "CHANGE REPLICATION SOURCE TO SOURCE_HOST='" + host + "', SOURCE_PORT=" + port + ", SOURCE_USER='"
                    + user + "', SOURCE_PASSWORD='" + quotedPassword + "', SOURCE_AUTO_POSITION=1, SOURCE_SSL=1, "
                    + "SOURCE_CONNECT_RETRY=1, SOURCE_HEARTBEAT_PERIOD=0.25";
        }
        // Without MASTER_SSL=1 the IO thread fails with 2061: repl uses caching_sha2_password.
        return "CHANGE MASTER TO MASTER_HOST='" + host + "', MASTER_PORT=" + port + ", MASTER_USER='" + user
                + "', MASTER_PASSWORD='" + quotedPassword + "', MASTER_AUTO_POSITION=1, MASTER_SSL=1, "
                + "MASTER_CONNECT_RETRY=1, MASTER_HEARTBEAT_PERIOD=0.25";
    }

    /**
     * Points a replica at a source by binary log coordinates: MySQL without GTIDs, MariaDB with
     * {@code MASTER_USE_GTID=no}.
     */
    public String changeSourceAt(String host, int port, String user, String password, String file, long position) {
        String quotedPassword = password.replace("'", "''");
        String words = replicaWords ? "SOURCE" : "MASTER";
        String positioning = flavor == Flavor.MARIADB ? "MASTER_USE_GTID=no"
                : words + "_AUTO_POSITION=0, " + words + "_SSL=1";
        return (replicaWords ? "CHANGE REPLICATION SOURCE TO " : "CHANGE MASTER TO ") + words + "_HOST='" + host
                + "', " + words + "_PORT=" + port + ", " + words + "_USER='" + user + "', " + words + "_PASSWORD='"
                + quotedPassword + "', " + positioning + ", " + words + "_LOG_FILE='" + file + "', " + words
                + "_LOG_POS=" + position + ", " + words + "_CONNECT_RETRY=1, " + words + "_HEARTBEAT_PERIOD=0.25";
    }

    /** The end of a server's own binary log: {@code File} and {@code Position}. */
    public String binlogStatus() {
        return "SHOW MASTER STATUS";
    }

    /** Waits until a replica's applier reached a place in its source's binary log; returns >= 0 on success. */
    public String waitForCoordinates(String file, long position, Duration timeout) {
        String function = replicaWords ? "SOURCE_POS_WAIT" : "MASTER_POS_WAIT";
        return "SELECT " + function + "('" + file + "', " + position + ", " + Math.max(1, timeout.toSeconds()) + ")";
    }

    public String delay(Duration delay) {
        // With the heartbeat period: MariaDB resets it at any CHANGE MASTER TO that does not name it.
        return (replicaWords ? "CHANGE REPLICATION SOURCE TO SOURCE_DELAY=" : "CHANGE MASTER TO MASTER_DELAY=")
                + delay.toSeconds() + ", " + (replicaWords ? "SOURCE" : "MASTER") + "_HEARTBEAT_PERIOD=0.25";
    }

    public String start() {
        return replicaWords ? "START REPLICA" : "START SLAVE";
    }

    public String stop() {
        return replicaWords ? "STOP REPLICA" : "STOP SLAVE";
    }

    public String startApplier() {
        return start() + " SQL_THREAD";
    }

    public String stopApplier() {
        return stop() + " SQL_THREAD";
    }

    public String status() {
        return replicaWords ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
    }

    /** Column names of {@link #status()}: MySQL 8.0.22+ renamed them too. */
    public String column(String legacyName) {
        return replicaWords ? legacyName.replace("Slave", "Replica").replace("Master", "Source") : legacyName;
    }

    /** The set of transactions a node has, in a form the wait function below accepts. */
    public String gtidPosition() {
        return flavor == Flavor.MARIADB ? "SELECT @@gtid_binlog_pos" : "SELECT REPLACE(@@gtid_executed, '\\n', '')";
    }

    /** Waits until a replica has applied {@code position}; returns 0 on success. */
    public String waitFor(String position, Duration timeout) {
        String function = flavor == Flavor.MARIADB ? "MASTER_GTID_WAIT" : "WAIT_FOR_EXECUTED_GTID_SET";
        return "SELECT " + function + "('" + position + "', " + Math.max(1, timeout.toSeconds()) + ")";
    }
}
