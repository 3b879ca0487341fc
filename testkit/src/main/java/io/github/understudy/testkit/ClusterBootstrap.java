package io.github.understudy.testkit;

import io.github.understudy.testkit.internal.ReplicationSql;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/** The users, database and replication wiring of a fresh cluster: the statements, per flavor. */
final class ClusterBootstrap {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private ClusterBootstrap() {
    }

    static String password() {
        StringBuilder password = new StringBuilder(16);
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }

    /** Run on the master before any replica attaches: it is binlogged, so every replica replays it. */
    static List<String> masterStatements(Flavor flavor, String database, Credentials replication, Credentials admin,
                                         Credentials application) {
        List<String> sql = new ArrayList<>();
        sql.add("DROP USER IF EXISTS ''@'localhost'");
        sql.add("CREATE USER '" + replication.user() + "'@'%' IDENTIFIED BY '" + replication.password() + "'");
        sql.add("GRANT REPLICATION SLAVE ON *.* TO '" + replication.user() + "'@'%'");
        sql.add("CREATE USER '" + admin.user() + "'@'%' IDENTIFIED BY '" + admin.password() + "'");
        sql.addAll(adminGrants(flavor, "'" + admin.user() + "'@'%'"));
        sql.add("CREATE USER '" + application.user() + "'@'%' IDENTIFIED BY '" + application.password() + "'");
        sql.add("CREATE DATABASE `" + database + "`");
        sql.add("GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP, INDEX, ALTER, CREATE TEMPORARY TABLES, "
                + "LOCK TABLES ON `" + database + "`.* TO '" + application.user() + "'@'%'");
        return sql;
    }

    /**
     * What monitoring and promotion need, and no more: replication control, read_only, killing sessions,
     * and Understudy's own {@code understudy} schema. Not the application's data.
     */
    static List<String> adminGrants(Flavor flavor, String account) {
        if (flavor == Flavor.MARIADB) {
            // MariaDB 11 split SUPER: READ_ONLY ADMIN is needed for SET GLOBAL read_only (and lets writes past
            // read_only, so Understudy never writes through this user on a replica).
            return List.of("GRANT RELOAD, PROCESS, SUPER, REPLICATION SLAVE, REPLICATION SLAVE ADMIN, SLAVE MONITOR, "
                    + "BINLOG MONITOR, REPLICATION MASTER ADMIN, CONNECTION ADMIN, READ_ONLY ADMIN ON *.* TO " + account,
                    "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP ON `understudy`.* TO " + account);
        }
        // MySQL shows a receiver's heartbeats only in performance_schema: how a hung master is told from a slow one.
        return List.of("GRANT RELOAD, PROCESS, SUPER, REPLICATION SLAVE, REPLICATION CLIENT ON *.* TO " + account,
                "GRANT REPLICATION_SLAVE_ADMIN, SYSTEM_VARIABLES_ADMIN, CONNECTION_ADMIN ON *.* TO " + account,
                "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, DROP ON `understudy`.* TO " + account,
                "GRANT SELECT ON performance_schema.replication_connection_status TO " + account,
                "GRANT SELECT ON performance_schema.replication_connection_configuration TO " + account);
    }

    static List<String> replicaStatements(ReplicationSql sql, String masterHost, int masterPort, Credentials repl) {
        return List.of(sql.changeSource(masterHost, masterPort, repl.user(), repl.password()), sql.start());
    }

    /** A replica by binary log coordinates, from where the master's log was before the bootstrap statements. */
    static List<String> replicaStatementsAt(ReplicationSql sql, String masterHost, int masterPort, Credentials repl,
                                            String file, long position) {
        return List.of(sql.changeSourceAt(masterHost, masterPort, repl.user(), repl.password(), file, position),
                sql.start());
    }
}
