package io.github.understudy.internal;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What one probe read of a server, for the decisions that need more than health: failover, fencing, following.
 *
 * @param at             when it was read
 * @param serverId       {@code server_id}
 * @param serverUuid     {@code server_uuid} (MySQL), {@code ""} on MariaDB
 * @param readOnly       whether it refuses application writes ({@code read_only} or {@code super_read_only})
 * @param executed       every transaction it has ({@code gtid_executed} / {@code gtid_current_pos})
 * @param gtidMode       whether its binary log carries GTIDs (MySQL {@code gtid_mode=ON}; always on MariaDB)
 * @param semiSyncSource whether it waits for semi-sync acknowledgements as a master
 * @param semiSyncReplica whether it acknowledges as a semi-sync replica
 * @param replica        its replica status, empty when it replicates from no one
 * @param receiverLostAt since when its receiver has not been connected to its source, null while it is
 * @param silence        how long its receiver has heard nothing from its source, null when unknown (see
 *                       {@link SourceSilence})
 * @param epoch          its epoch row as last read (see {@link NodeProbe}), {@link EpochStore.Epoch#NONE} when it has
 *                       none
 */
record ServerState(Instant at, long serverId, String serverUuid, boolean readOnly, String executed, boolean gtidMode,
                   boolean semiSyncSource, boolean semiSyncReplica, Optional<ReplicaStatus> replica, Instant receiverLostAt,
                   SourceSilence silence, EpochStore.Epoch epoch) {

    /**
     * The variables a probe reads in one round trip; a server lacking one leaves it out. Semi-sync has two names:
     * MySQL 8.0.26+ and 8.4 may load the plugin of either, 9.x has only the {@code source} one.
     */
    static java.util.List<String> variables(Dialect dialect) {
        return java.util.List.of("server_id", "server_uuid", "read_only", "super_read_only", "gtid_mode",
                "rpl_semi_sync_master_enabled", "rpl_semi_sync_source_enabled", "rpl_semi_sync_slave_enabled",
                "rpl_semi_sync_replica_enabled", dialect.gtidVariable());
    }

    /** {@return the heartbeat period its receiver asked for, null when unknown (MySQL outside a diagnosis)} */
    java.time.Duration heartbeatPeriod() {
        if (replica.isPresent() && replica.get().heartbeats() != null) {
            return replica.get().heartbeats().period();
        }
        return silence == null || silence.heartbeatPeriod().isZero() ? null : silence.heartbeatPeriod();
    }

    /** Builds the state from the variables and replica status one probe read. */
    static ServerState of(Instant at, Dialect dialect, Map<String, String> variables, Optional<ReplicaStatus> replica,
                          Instant receiverLostAt, SourceSilence silence, EpochStore.Epoch epoch) {
        return new ServerState(at, Long.parseLong(variables.getOrDefault("server_id", "0")),
                variables.getOrDefault("server_uuid", ""),
                Dialect.on(variables.get("read_only")) || Dialect.on(variables.get("super_read_only")),
                variables.getOrDefault(dialect.gtidVariable(), "").replace("\n", ""),
                dialect.mariadb() || Dialect.on(variables.getOrDefault("gtid_mode", "OFF"))
                        && !"OFF_PERMISSIVE".equalsIgnoreCase(variables.get("gtid_mode")),
                Dialect.on(variables.get("rpl_semi_sync_master_enabled"))
                        || Dialect.on(variables.get("rpl_semi_sync_source_enabled")),
                Dialect.on(variables.get("rpl_semi_sync_slave_enabled"))
                        || Dialect.on(variables.get("rpl_semi_sync_replica_enabled")),
                replica, receiverLostAt, silence, epoch);
    }
}
