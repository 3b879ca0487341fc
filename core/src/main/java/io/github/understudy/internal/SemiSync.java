package io.github.understudy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps semi-synchronous replication across a change of master: a promoted replica that acknowledged writes as a
 * semi-sync replica starts waiting for acknowledgements as a master, and a demoted master stops (as a replica,
 * its applier would otherwise wait for acknowledgements of replicated writes). No-op where semi-sync is not
 * installed.
 */
final class SemiSync {

    private SemiSync() {
    }

    /** Whether the node can be a semi-sync master (the plugin or the built-in is there). */
    static boolean available(Connection node) throws SQLException {
        return variables(node).containsKey("rpl_semi_sync_master_enabled");
    }

    /**
     * Switches the master side on. Only once the replicas replicate from the node: with no replica to acknowledge,
     * every commit (the epoch row's included) would wait for the timeout.
     */
    static void enable(Connection node) throws SQLException {
        MostAdvancedReplica.execute(node, "SET GLOBAL rpl_semi_sync_master_enabled = ON");
    }

    static void demoted(Connection node) throws SQLException {
        if ("ON".equalsIgnoreCase(variables(node).get("rpl_semi_sync_master_enabled"))) {
            MostAdvancedReplica.execute(node, "SET GLOBAL rpl_semi_sync_master_enabled = OFF");
        }
    }

    private static Map<String, String> variables(Connection node) throws SQLException {
        Map<String, String> vars = new HashMap<>();
        try (Statement statement = node.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES LIKE 'rpl_semi_sync_%abled'")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
            }
        }
        return vars;
    }
}
