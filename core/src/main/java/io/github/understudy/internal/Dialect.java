package io.github.understudy.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replication words of one server family and version. Every replication statement Understudy sends goes
 * through here: MariaDB and MySQL before 8.0.22 say MASTER/SLAVE; MySQL 8.0.22+ says SOURCE/REPLICA (and 8.4
 * accepts nothing else).
 */
public final class Dialect implements io.github.understudy.ReplicationDialect {

    /** The families, which differ in GTID format and in privileges as well as in words. */
    public enum Flavor { MYSQL, MARIADB }

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

    private final Flavor flavor;
    private final String version;
    private final boolean replicaWords;

    private Dialect(Flavor flavor, String version, boolean replicaWords) {
        this.flavor = flavor;
        this.version = version;
        this.replicaWords = replicaWords;
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
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        int patch = Integer.parseInt(matcher.group(3));
        boolean modern = !mariadb && (major > 8 || major == 8 && (minor > 0 || patch >= 22));
        return new Dialect(mariadb ? Flavor.MARIADB : Flavor.MYSQL, matcher.group(), modern);
    }

    public Flavor flavor() {
        return flavor;
    }

    public String version() {
        return version;
    }

    /**
     * One round trip for what a probe needs of the server's variables. A SHOW, not a SELECT, so that probes do
     * not add to the server's {@code Com_select}: the statement counts an operator (or a test) reads stay the
     * application's own.
     */
    public String probeVariables() {
        return "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('server_id', 'read_only', 'super_read_only', "
                + "'rpl_semi_sync_master_enabled', '" + gtidVariable() + "')";
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
        String credentials = user == null ? "" : ", " + word("MASTER") + "_USER='" + quote(user) + "', "
                + word("MASTER") + "_PASSWORD='" + quote(password) + "'";
        String positioning = flavor == Flavor.MARIADB ? "MASTER_USE_GTID=slave_pos"
                : word("MASTER") + "_AUTO_POSITION=1, " + word("MASTER") + "_SSL=1";
        return (replicaWords ? "CHANGE REPLICATION SOURCE TO " : "CHANGE MASTER TO ") + word("MASTER") + "_HOST='"
                + quote(host) + "', " + word("MASTER") + "_PORT=" + port + credentials + ", " + positioning;
    }

    /** Statements that make a node writable; MySQL's super_read_only first, or read_only=OFF is refused. */
    @Override
    public java.util.List<String> makeWritable() {
        return flavor == Flavor.MARIADB ? java.util.List.of("SET GLOBAL read_only = OFF")
                : java.util.List.of("SET GLOBAL super_read_only = OFF", "SET GLOBAL read_only = OFF");
    }

    /** Statements that fence a node: no application write gets through (nor, on MySQL, an admin's). */
    @Override
    public java.util.List<String> makeReadOnly() {
        return flavor == Flavor.MARIADB ? java.util.List.of("SET GLOBAL read_only = ON")
                : java.util.List.of("SET GLOBAL read_only = ON", "SET GLOBAL super_read_only = ON");
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
