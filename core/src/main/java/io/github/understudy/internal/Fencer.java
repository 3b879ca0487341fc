package io.github.understudy.internal;

import io.github.understudy.HostAndPort;
import io.github.understudy.event.NodeFenced;

import java.sql.SQLException;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deals with a writable node that is not the master of the highest epoch (an old master back from the dead):
 * makes it read-only and kills its application sessions before anything could be routed to it. It stays out of
 * rotation until {@link ReplicaRepair} has rejoined it as a replica (when it holds nothing the master lacks), unless
 * it replicates from the master already (a writable replica).
 */
final class Fencer {

    private static final Logger LOG = LoggerFactory.getLogger(Fencer.class);

    private final Services services;

    Fencer(Services services) {
        this.services = services;
    }

    /** Fences {@code node}; a replica of {@code master} already goes back into rotation. */
    void fenceNode(HostAndPort node, HostAndPort master, String why) throws SQLException {
        // Setting read_only waits for commits in flight; killing their sessions first is what ends them.
        try (ServerSession session = services.session(node, Duration.ofSeconds(30))) {
            fence(session);
            services.monitor().fence(node, true);
            // Its pooled connections were killed with the application's sessions: replace them, lazily.
            services.node(node).softEvictPool();
            LOG.warn("{} - fenced {}: {}", services.name(), node, why);
            services.events().publish(new NodeFenced(services.name(), services.clock().instant(), node, why));
            if (replicatesFrom(session, master)) {
                services.monitor().fence(node, false);
            }
        }
    }

    /** Whether the node is a healthy replica of the master already (a writable replica needs no rejoin). */
    private boolean replicatesFrom(ServerSession node, HostAndPort master) throws SQLException {
        long masterId = services.monitor().table().snapshot().node(master).map(s -> s.serverId()).orElse(0L);
        return masterId != 0 && node.replicaStatus().filter(ReplicaStatus::replicating)
                .filter(s -> s.sourceServerId() == masterId).isPresent();
    }

    /**
     * Ends the application's sessions on the node, makes it read-only, and ends any session that slipped in
     * between. Sessions go first: {@code SET GLOBAL read_only} waits for commits in flight, and a commit waiting
     * for a semi-sync acknowledgement that will never come (its replicas follow the new master) would hold it
     * forever; killed (in the order {@link ApplicationSessions} explains), it is not acknowledged to its client.
     * Semi-sync stays on: switching it off releases every commit still waiting for an acknowledgement, and the
     * chaos run saw such a commit answered as a success to an application (commits no replica has); it goes off
     * only when the node rejoins as a replica.
     */
    void fence(ServerSession session) throws SQLException {
        ApplicationSessions.end(session, services.applicationUser(), services.name());
        session.execute(session.dialect().makeReadOnly());
        ApplicationSessions.end(session, services.applicationUser(), services.name());
    }
}
