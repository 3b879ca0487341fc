package io.github.understudy.testkit;

/**
 * One server as it reports itself ({@code @@read_only}, {@code SHOW SLAVE STATUS}, GTID position).
 *
 * @param node            the node's name in the cluster
 * @param state           {@code running}, {@code paused} or {@code stopped}; the other fields are only filled
 *                        when running
 * @param serverId        {@code @@server_id}
 * @param readOnly        {@code @@read_only}
 * @param superReadOnly   {@code @@super_read_only} (always false on MariaDB, which has no such variable)
 * @param sourcePort      the port it replicates from, or 0 when it replicates from no one
 * @param ioRunning       the IO thread's state ({@code Yes}, {@code No}, {@code Connecting}), empty when not a replica
 * @param sqlRunning      the SQL thread's state, empty when not a replica
 * @param lastError       the last IO or SQL error, empty when none
 * @param secondsBehind   {@code Seconds_Behind_Master}, or -1 when NULL or not a replica
 * @param gtidPosition    the GTIDs this server has ({@code gtid_binlog_pos} / {@code gtid_executed})
 */
public record NodeReport(String node, String state, long serverId, boolean readOnly, boolean superReadOnly,
                         int sourcePort, String ioRunning, String sqlRunning, String lastError, long secondsBehind,
                         String gtidPosition) {

    static NodeReport notServing(String node, String state) {
        return new NodeReport(node, state, 0, false, false, 0, "", "", "", -1, "");
    }

    /** @return whether the server is running and answering */
    public boolean running() {
        return "running".equals(state);
    }

    /** @return whether it replicates from someone */
    public boolean replicating() {
        return sourcePort != 0;
    }

    /** @return whether it is running, writable and replicates from no one: a master */
    public boolean master() {
        return running() && !readOnly && !replicating();
    }

    /** @return whether both replication threads run without error */
    public boolean replicationHealthy() {
        return replicating() && "Yes".equals(ioRunning) && "Yes".equals(sqlRunning) && lastError.isEmpty();
    }
}
