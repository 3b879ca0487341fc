package io.github.understudy.internal;

import java.time.Duration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replication words of one server family and version. Every replication statement Understudy sends goes
 * through here: MariaDB and MySQL before 8.0.22 say MASTER/SLAVE; MySQL 8.0.22+ says SOURCE/REPLICA (and 8.4
 * accepts nothing else).
 */
final class Dialect implements io.github.understudy.ReplicationDialect {

    /** The families, which differ in GTID format and in privileges as well as in words. */
    public enum Flavor { MYSQL, MARIADB }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Flavor flavor;
    private final String version;
    private final boolean replicaWords;
    private final boolean binaryLogStatus;
    private final boolean sourcePosWait;

    private Dialect(Flavor flavor, String version, int major, int minor, int patch) {
        this.flavor = flavor;
        this.version = version;
        boolean mysql = flavor == Flavor.MYSQL;
        this.replicaWords = mysql && (major > 8 || major == 8 && (minor > 0 || patch >= 22));
        // SHOW BINARY LOG STATUS came in 8.2.0; 8.4 removed SHOW MASTER STATUS.
        this.binaryLogStatus = mysql && (major > 8 || major == 8 && minor >= 2);
        this.sourcePosWait = mysql && (major > 8 || major == 8 && (minor > 0 || patch >= 26));
    }

    /**
     * Reads a server's {@code @@version}: {@code 11.4.5-MariaDB-log}, {@code 5.5.5-10.11.6-MariaDB} (the legacy
     * prefix of MariaDB 10.x) or {@code 8.0.15}.
     */
    public static Dialect of(String serverVersion) {
        boolean mariadb = serverVersion.toLowerCase(Locale.ROOT).contains("mariadb");
        String text = mariadb && serverVersion.startsWith("5.5.5-") ? serverVersion.substring(6) : serverVersion;
        Matcher matcher = VERSION.matcher(text);
        if (!matcher.find()) {
            throw new IllegalArgumentException("server version must look like x.y.z, but was '" + serverVersion + "'");
        }
        return new Dialect(mariadb ? Flavor.MARIADB : Flavor.MYSQL, matcher.group(),
                Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)),
                Integer.parseInt(matcher.group(3)));
    }

    /**
     * Reads a boolean variable as any server version prints it: {@code ON}/{@code OFF}, {@code 1}/{@code 0} (and
     * MariaDB 12's {@code read_only} values, where anything but {@code OFF}/{@code 0} refuses writes).
     */
    static boolean on(String value) {
        String v = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
        return !v.isEmpty() && !v.equals("OFF") && !v.equals("0") && !v.equals("FALSE") && !v.equals("NO");
    }

    /** The end of the server's own binary log: {@code SHOW BINARY LOG STATUS} where SHOW MASTER STATUS is gone. */
    String binlogStatus() {
        return binaryLogStatus ? "SHOW BINARY LOG STATUS" : "SHOW MASTER STATUS";
    }

    public Flavor flavor() {
        return flavor;
    }

    public String version() {
        return version;
    }

    /** The variable holding every transaction the server has: {@code gtid_binlog_pos} / {@code gtid_executed}. */
    @Override
    public String gtidVariable() {
        return flavor == Flavor.MARIADB ? "gtid_current_pos" : "gtid_executed";
    }

    @Override
    public String replicaStatus() {
        return replicaWords ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
    }

    /**
     * The replica status as Understudy reads it: on MariaDB {@code SHOW ALL SLAVES STATUS}, whose rows add the
     * heartbeats received (one row per named connection; the default one is named {@code ""}), in the same round trip.
     */
    String fullReplicaStatus() {
        return flavor == Flavor.MARIADB ? "SHOW ALL SLAVES STATUS" : replicaStatus();
    }

    /** The heartbeat period the default channel's receiver asked for (MySQL), in seconds as text. */
    String heartbeatPeriod() {
        return "SELECT CAST(HEARTBEAT_INTERVAL AS CHAR) AS period FROM "
                + "performance_schema.replication_connection_configuration WHERE CHANNEL_NAME = ''";
    }

    /**
     * When the receiver of the default channel last heard from its source (MySQL; see {@link SourceSilence#ofTimestamps}):
     * one row, timestamps as text, since Connector/J refuses the zero dates of a receiver that heard nothing yet.
     */
    String sourceSilence() {
        return "SELECT CAST(s.LAST_HEARTBEAT_TIMESTAMP AS CHAR) AS last_heartbeat, "
                + "CAST(s.LAST_QUEUED_TRANSACTION_END_QUEUE_TIMESTAMP AS CHAR) AS last_queued, "
                + "s.QUEUEING_TRANSACTION AS queueing, CAST(NOW(6) AS CHAR) AS now, "
                + "CAST(c.HEARTBEAT_INTERVAL AS CHAR) AS period "
                + "FROM performance_schema.replication_connection_status s "
                + "JOIN performance_schema.replication_connection_configuration c ON c.CHANNEL_NAME = s.CHANNEL_NAME "
                + "WHERE s.CHANNEL_NAME = ''";
    }

    /** A column of {@link #replicaStatus()}, by its MASTER/SLAVE name. */
    @Override
    public String column(String legacyName) {
        return replicaWords ? legacyName.replace("Slave", "Replica").replace("Master", "Source") : legacyName;
    }

    @Override
    public boolean mariadb() {
        return flavor == Flavor.MARIADB;
    }

    /** Stops both replication threads. */
    @Override
    public String stopReplica() {
        return replicaWords ? "STOP REPLICA" : "STOP SLAVE";
    }

    @Override
    public String stopReceiver() {
        return stopReplica() + " IO_THREAD";
    }

    @Override
    public String startReplica() {
        return replicaWords ? "START REPLICA" : "START SLAVE";
    }

    /** Forgets the replica's source entirely: the promotion's "RESET SLAVE". */
    @Override
    public String resetReplicaAll() {
        return replicaWords ? "RESET REPLICA ALL" : "RESET SLAVE ALL";
    }

    /**
     * Points a replica at a new source with GTID auto-positioning. User and password are given only for a node
     * that has never replicated (an old master rejoining); otherwise the ones it has are kept.
     */
    @Override
    public String changeSource(String host, int port, String user, String password) {
        return changeSourceByGtid(host, port, user, password, null).inline();
    }

    /**
     * A statement with its text values as parameters: Connector/J quotes them as the session's {@code sql_mode}
     * requires ({@code NO_BACKSLASH_ESCAPES} or not), which a literal built here could not know.
     *
     * @param text       the statement, with {@code ?} for each parameter
     * @param parameters the values, in order
     */
    record Sql(String text, java.util.List<String> parameters) {
        /** The statement with its values as literals, quoted for the default {@code sql_mode}. */
        String inline() {
            StringBuilder inlined = new StringBuilder();
            int next = 0;
            for (char c : text.toCharArray()) {
                if (c == '?' && next < parameters.size()) {
                    inlined.append('\'').append(quote(parameters.get(next++))).append('\'');
                } else {
                    inlined.append(c);
                }
            }
            return inlined.toString();
        }
    }

    /**
     * Points a replica at a new source with GTID auto-positioning; see {@link #changeSource(String, int, String, String)}.
     *
     * @param heartbeat the heartbeat period to keep, null for the server's default: a {@code CHANGE MASTER TO} without
     *                  one resets it to half of {@code slave_net_timeout} (30 s by default; MySQL when it names a
     *                  host, MariaDB always), which would silently slow down the detection of a hung master
     */
    Sql changeSourceByGtid(String host, int port, String user, String password, Duration heartbeat) {
        String positioning = flavor == Flavor.MARIADB ? "MASTER_USE_GTID=slave_pos"
                : word("MASTER") + "_AUTO_POSITION=1, " + word("MASTER") + "_SSL=1";
        return changeSourceTo(host, port, user, password, ", " + positioning + heartbeat(heartbeat));
    }

    private String heartbeat(Duration period) {
        return period == null ? "" : ", " + word("MASTER") + "_HEARTBEAT_PERIOD="
                + java.math.BigDecimal.valueOf(period.toMillis(), 3).toPlainString();
    }

    /**
     * Points a MySQL replica at a new source by binary log coordinates, for clusters without GTIDs: {@code at} is a
     * place in the new source's own binary log (its end when it was promoted). The applier delay, if any, is set
     * too: making a delayed replica catch up needs it off for a while.
     */
    Sql changeSourceAt(String host, int port, String user, String password, BinlogPosition at,
                       Duration delay, Duration heartbeat) {
        Sql to = changeSourceTo(host, port, user, password, ", " + word("MASTER") + "_AUTO_POSITION=0, "
                + word("MASTER") + "_LOG_FILE=?, " + word("MASTER") + "_LOG_POS=" + at.position()
                + (flavor == Flavor.MARIADB ? "" : ", " + word("MASTER") + "_SSL=1") + ", "
                + word("MASTER") + "_DELAY=" + delay.toSeconds() + heartbeat(heartbeat));
        java.util.List<String> parameters = new java.util.ArrayList<>(to.parameters());
        parameters.add(at.file());
        return new Sql(to.text(), parameters);
    }

    private Sql changeSourceTo(String host, int port, String user, String password, String rest) {
        java.util.List<String> parameters = new java.util.ArrayList<>(java.util.List.of(host));
        String credentials = "";
        if (user != null) {
            credentials = ", " + word("MASTER") + "_USER=?, " + word("MASTER") + "_PASSWORD=?";
            parameters.add(user);
            parameters.add(password);
        }
        return new Sql((replicaWords ? "CHANGE REPLICATION SOURCE TO " : "CHANGE MASTER TO ") + word("MASTER")
                + "_HOST=?, " + word("MASTER") + "_PORT=" + port + credentials + rest, parameters);
    }

    /**
     * Sets only the applier delay of a stopped applier, keeping its relay log: with the receiver stopped too, a
     * {@code CHANGE MASTER TO} without relay log coordinates deletes the relay logs (and with them what was received
     * but not applied), so the applier's own place in them is given. The server then switches
     * {@code relay_log_purge} off, silently: the caller sets it back.
     *
     * @param relayAt   where the applier is in its relay log ({@code Relay_Log_File}, {@code Relay_Log_Pos})
     * @param heartbeat the heartbeat period to keep (MariaDB resets it at any {@code CHANGE MASTER TO} without one)
     */
    Sql delay(Duration delay, BinlogPosition relayAt, Duration heartbeat) {
        return new Sql((replicaWords ? "CHANGE REPLICATION SOURCE TO " : "CHANGE MASTER TO ") + word("MASTER")
                + "_DELAY=" + delay.toSeconds() + ", RELAY_LOG_FILE=?, RELAY_LOG_POS=" + relayAt.position()
                + heartbeat(heartbeat), java.util.List.of(relayAt.file()));
    }

    /** Starts the applier alone until it has executed up to {@code until} in its source's binary log. */
    String startApplierUntil(BinlogPosition until) {
        return startReplica() + " SQL_THREAD UNTIL " + word("MASTER") + "_LOG_FILE='" + quote(until.file()) + "', "
                + word("MASTER") + "_LOG_POS=" + until.position();
    }

    /**
     * Statements that make a node writable; MySQL's super_read_only first, or read_only=OFF is refused. MySQL
     * persists them ({@code SET PERSIST}), so that a restarted promoted node comes back writable whatever its
     * configuration file says; MariaDB cannot, and the epoch record decides after its restarts.
     */
    @Override
    public java.util.List<String> makeWritable() {
        return flavor == Flavor.MARIADB ? java.util.List.of("SET GLOBAL read_only = OFF")
                : java.util.List.of("SET PERSIST super_read_only = OFF", "SET PERSIST read_only = OFF");
    }

    /**
     * Statements that fence a node: no application write gets through (nor, on MySQL, an admin's). Persisted on
     * MySQL, as {@link #makeWritable()} is.
     */
    @Override
    public java.util.List<String> makeReadOnly() {
        return flavor == Flavor.MARIADB ? java.util.List.of("SET GLOBAL read_only = ON")
                : java.util.List.of("SET PERSIST read_only = ON", "SET PERSIST super_read_only = ON");
    }

    /** The replica-status column with what the receiver has fetched: what the applier must reach. */
    @Override
    public String retrievedColumn() {
        return flavor == Flavor.MARIADB ? "Gtid_IO_Pos" : "Retrieved_Gtid_Set";
    }

    /** Waits until {@code position} is applied; returns 0 when done (MySQL 1 / MariaDB -1 on timeout). */
    @Override
    public String waitForApplied(String position, java.time.Duration timeout) {
        String function = waitFunction();
        return "SELECT " + function + "('" + quote(position) + "', " + Math.max(1, timeout.toSeconds()) + ")";
    }

    /**
     * Waits until the applier reached a place in its source's binary log: {@code SOURCE_POS_WAIT} on MySQL 8.0.26+
     * (where {@code MASTER_POS_WAIT} is deprecated, and 8.4 removed it), {@code MASTER_POS_WAIT} elsewhere. The
     * query returns the number of events waited for, -1 on timeout, NULL when the applier is not running.
     */
    String waitForCoordinates(BinlogPosition position, java.time.Duration timeout) {
        String function = sourcePosWait ? "SOURCE_POS_WAIT" : "MASTER_POS_WAIT";
        return "SELECT " + function + "('" + quote(position.file()) + "', " + position.position() + ", "
                + Math.max(1, timeout.toSeconds()) + ")";
    }

    /** The server function that waits until a GTID position is applied (returns 0 when it is). */
    String waitFunction() {
        return flavor == Flavor.MARIADB ? "MASTER_GTID_WAIT" : "WAIT_FOR_EXECUTED_GTID_SET";
    }

    private String word(String legacy) {
        return replicaWords ? legacy.replace("MASTER", "SOURCE") : legacy;
    }

    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("'", "''");
    }

    @Override
    public String toString() {
        return flavor + " " + version;
    }
}
