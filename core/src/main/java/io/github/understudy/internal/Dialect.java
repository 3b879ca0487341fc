package io.github.understudy.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The replication words of one server family and version. Every replication statement Understudy sends goes
 * through here: MariaDB and MySQL before 8.0.22 say MASTER/SLAVE; MySQL 8.0.22+ says SOURCE/REPLICA (and 8.4
 * accepts nothing else).
 */
public final class Dialect {

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
        return "SHOW GLOBAL VARIABLES WHERE Variable_name IN ('server_id', 'read_only', 'super_read_only', '"
                + gtidVariable() + "')";
    }

    /** The variable holding every transaction the server has: {@code gtid_binlog_pos} / {@code gtid_executed}. */
    public String gtidVariable() {
        return flavor == Flavor.MARIADB ? "gtid_binlog_pos" : "gtid_executed";
    }

    public String replicaStatus() {
        return replicaWords ? "SHOW REPLICA STATUS" : "SHOW SLAVE STATUS";
    }

    /** A column of {@link #replicaStatus()}, by its MASTER/SLAVE name. */
    public String column(String legacyName) {
        return replicaWords ? legacyName.replace("Slave", "Replica").replace("Master", "Source") : legacyName;
    }

    @Override
    public String toString() {
        return flavor + " " + version;
    }
}
