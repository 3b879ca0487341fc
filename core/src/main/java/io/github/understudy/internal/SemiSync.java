package io.github.understudy.internal;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps semi-synchronous replication across a change of master: a promoted replica starts waiting for
 * acknowledgements as a master, and a demoted master stops (as a replica, its applier would otherwise wait for
 * acknowledgements of replicated writes). The master side has two names: {@code rpl_semi_sync_master_*} (MariaDB,
 * MySQL's old plugin) and {@code rpl_semi_sync_source_*} (MySQL 8.0.26+'s new plugin, the only one in 9.x); the
 * one the server has is used. No-op where semi-sync is not installed.
 */
final class SemiSync {

    private static final Logger LOG = LoggerFactory.getLogger(SemiSync.class);
    /** Below this, a hang of the master outlasts the wait (detection, promotion and fencing take seconds). */
    private static final long SAFE_TIMEOUT_MILLIS = 60_000;
    private static final List<String> VARIABLES = List.of("rpl_semi_sync_master_enabled",
            "rpl_semi_sync_source_enabled", "rpl_semi_sync_master_timeout", "rpl_semi_sync_source_timeout");

    private SemiSync() {
    }

    /** Whether the node can be a semi-sync master (the plugin or the built-in is there). */
    static boolean available(ServerSession node) throws SQLException {
        return prefix(node.variables(VARIABLES)) != null;
    }

    /**
     * Switches the master side on. Only once a replica replicates from the node: with no replica to acknowledge,
     * every commit (the epoch row's included) would wait for the timeout.
     */
    static void enable(ServerSession node) throws SQLException {
        Map<String, String> variables = node.variables(VARIABLES);
        String prefix = prefix(variables);
        if (prefix == null) {
            return;
        }
        node.execute("SET GLOBAL " + prefix + "enabled = ON");
        String timeout = variables.get(prefix + "timeout");
        if (timeout != null && Long.parseLong(timeout) < SAFE_TIMEOUT_MILLIS) {
            LOG.warn("semi-sync on the new master {} waits only {} ms for an acknowledgement ({}timeout): if it hangs "
                    + "longer, it falls back to asynchronous replication when it resumes and acknowledges writes that "
                    + "a failover loses; set it to an hour or more on every node, in its configuration file",
                    node.node(), timeout, prefix);
        }
    }

    /** Switches the master side off on a node that becomes a replica. */
    static void demoted(ServerSession node) throws SQLException {
        Map<String, String> variables = node.variables(VARIABLES);
        String prefix = prefix(variables);
        if (prefix != null && Dialect.on(variables.get(prefix + "enabled"))) {
            node.execute("SET GLOBAL " + prefix + "enabled = OFF");
        }
    }

    /** The master side's variable prefix on this server, null when it has no semi-sync. */
    static String prefix(Map<String, String> variables) {
        if (variables.containsKey("rpl_semi_sync_source_enabled")) {
            return "rpl_semi_sync_source_";
        }
        return variables.containsKey("rpl_semi_sync_master_enabled") ? "rpl_semi_sync_master_" : null;
    }
}
