package io.github.understudy.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps semi-synchronous replication across a change of master: a promoted replica that acknowledged writes as a
 * semi-sync replica starts waiting for acknowledgements as a master, and a demoted master stops (as a replica,
 * its applier would otherwise wait for acknowledgements of replicated writes). No-op where semi-sync is not
 * installed.
 */
final class SemiSync {

    private static final Logger LOG = LoggerFactory.getLogger(SemiSync.class);
    /** Below this, a hang of the master outlasts the wait (detection, promotion and fencing take seconds). */
    private static final long SAFE_TIMEOUT_MILLIS = 60_000;

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
        String timeout = variables(node).get("rpl_semi_sync_master_timeout");
        if (timeout != null && Long.parseLong(timeout) < SAFE_TIMEOUT_MILLIS) {
            LOG.warn("semi-sync on the new master waits only {} ms for an acknowledgement "
                    + "(rpl_semi_sync_master_timeout): if it hangs longer, it falls back to asynchronous replication "
                    + "when it resumes and acknowledges writes that a failover loses; set it to an hour or more on "
                    + "every node, in its configuration file", timeout);
        }
    }

    static void demoted(Connection node) throws SQLException {
        if ("ON".equalsIgnoreCase(variables(node).get("rpl_semi_sync_master_enabled"))) {
            MostAdvancedReplica.execute(node, "SET GLOBAL rpl_semi_sync_master_enabled = OFF");
        }
    }

    private static Map<String, String> variables(Connection node) throws SQLException {
        Map<String, String> vars = new HashMap<>();
        try (Statement statement = node.createStatement();
             ResultSet rs = statement.executeQuery("SHOW GLOBAL VARIABLES WHERE Variable_name IN "
                     + "('rpl_semi_sync_master_enabled', 'rpl_semi_sync_slave_enabled', 'rpl_semi_sync_master_timeout')")) {
            while (rs.next()) {
                vars.put(rs.getString(1).toLowerCase(java.util.Locale.ROOT), rs.getString(2));
            }
        }
        return vars;
    }
}
